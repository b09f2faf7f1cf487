"""Typed, cached access to mslint's PyTorch -> MindSpore knowledge base.

Reads ``mslint/knowledge/data/torch_mapping.json`` and ``mslint/knowledge/data/ms_signatures.json`` through
``importlib.resources``; never imports torch or mindspore.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from typing import Any, Literal

from mslint.core.versions import version_at_least
from mslint.knowledge import data_text

Kind = Literal["exact", "renamed-args", "semantic-diff", "no-equivalent"]
ParamKind = Literal["positional-only", "positional-or-keyword", "var-positional", "keyword-only", "var-keyword"]
PARAM_KINDS: tuple[ParamKind, ...] = ("positional-only", "positional-or-keyword", "var-positional", "keyword-only", "var-keyword")


@dataclass(frozen=True)
class Param:
    """One parameter; ``default`` is the repr of the default, None when required."""

    name: str
    kind: ParamKind
    default: str | None = None


@dataclass(frozen=True)
class ApiMapping:
    """How one PyTorch API maps to MindSpore (see mslint/knowledge/data/README.md for field meanings)."""

    torch: str
    ms: str | None
    kind: Kind
    torch_args: tuple[str, ...] | None
    ms_args: tuple[str, ...] | None
    kwargs_change: dict[str, str]
    unsupported_args: tuple[str, ...]
    defaults_diff: dict[str, tuple[str | None, str | None]]
    note: str
    doc: str | None
    platforms: tuple[str, ...] | None
    since: str | None
    until: str | None
    verified: bool
    source: str
    category: str


@dataclass(frozen=True)
class VersionFact:
    """Curated availability fact; ``bound='upper'`` means only "present since at most ``since``"."""

    since: str | None
    until: str | None
    bound: str
    source: str


@dataclass(frozen=True)
class Signatures:
    """MindSpore signature table of one installed version plus curated version history."""

    version: str
    names: dict[str, frozenset[str]]
    apis: dict[str, dict[str, Any]]
    history: dict[str, VersionFact]

    def overloads(self, qualname: str) -> tuple[tuple[Param, ...], ...]:
        """All recorded overloads (Tensor methods often have two)."""
        rec = self.apis.get(qualname)
        return tuple(tuple(Param(p[0], PARAM_KINDS[p[1]], p[2] if len(p) > 2 else None) for p in o) for o in (rec or {}).get("o", ()))

    def exists(self, qualname: str, version: str | None = None) -> bool | None:
        """Whether ``qualname`` exists in MindSpore ``version`` (default: the table's version).

        None means unknown: the namespace is not recorded, or ``version`` differs from the
        table's and no exact curated fact covers the name.
        """
        fact = self.history.get(qualname)
        if version is not None and fact is not None and fact.since is not None:
            if version_at_least(version, fact.since) and (fact.until is None or not version_at_least(version, fact.until)):
                return True
            if fact.bound == "exact":
                return False
            return None
        namespace, _, name = qualname.rpartition(".")
        if namespace not in self.names:
            return qualname in self.apis or None
        present = name in self.names[namespace]
        if version is None or (version_at_least(version, self.version) and version_at_least(self.version, version)):
            return present
        return None


# Internal notes the generator and the oracle leave in a note: provenance and verification records.
_INTERNAL_SEGMENT = re.compile(r"^(VERIFIED\(|torch params absent in MS:)")
_INTERNAL_TEXT = re.compile(
    r"\s*\[fact\]|\s*\[category changed[^\]]*\]|\s*VERIFIED\(.*$|Argument-level mapping unavailable \(signature not introspectable\)\.?"
    r"|\bnot in official mapping table;?\s*",
    re.S,
)
_FUNCTIONAL_DIFF = re.compile(r"(?:functional diffs: |\s*\| )(\w+)/(\w+): ")
_NOT_IN_TABLE = re.compile(r"Not in the official mapping table \([^)]*\) and no same-name API in MindSpore (\S+) (\S+) \([^)]*\)")
DOCS_BASE = "https://www.mindspore.cn/docs/en/"
CUT_NOTE_LENGTH = 300  # the mapping table's notes are stored cut at about this length


def clean_note(note: str) -> str:
    """A note as advice for a person: the generator's provenance and the oracle's verification records
    (``VERIFIED(...)``, ``[fact]``, "Argument-level mapping unavailable ...") removed, segments joined as sentences."""
    note = _NOT_IN_TABLE.sub(r"No same-name API in MindSpore \1 \2 and no entry in MindSpore's PyTorch mapping table.", note)
    sentences = []
    for segment in note.split("||"):
        segment = _INTERNAL_TEXT.sub("", segment.strip()).strip(" ;")
        segment = _FUNCTIONAL_DIFF.sub(_argument_difference, segment)
        if segment and not _INTERNAL_SEGMENT.match(segment):
            sentences.append(_whole_sentences(segment))
    return " ".join(sentences)


def _whole_sentences(segment: str) -> str:
    """A segment ending in a full stop; one the mapping table cut off (``... paramete``) loses its last, partial sentence."""
    if segment[-1] in ".!?:":
        return segment
    if len(segment) >= CUT_NOTE_LENGTH and ". " in segment:
        return segment[: segment.rindex(". ") + 1]
    return segment + "."


def _argument_difference(match: re.Match[str]) -> str:
    """``functional diffs: a/b: ...`` (items separated by `` | ``) as ``a (MindSpore b): ...``."""
    torch_name, ms_name = match[1], match[2]
    named = torch_name if torch_name == ms_name else f"{torch_name} (MindSpore {ms_name})"
    return ("; " if match[0].startswith("|") else "") + named + ": "


def versioned_doc(url: str, version: str) -> str:
    """A MindSpore documentation URL on the ``r<version>`` branch instead of ``master`` (one version base everywhere)."""
    return url.replace(DOCS_BASE + "master/", f"{DOCS_BASE}r{version}/", 1) if url.startswith(DOCS_BASE) else url


def _read(name: str) -> Any:
    """Parse a JSON file shipped in ``mslint/knowledge/data``."""
    return json.loads(data_text(name))


@functools.cache
def _torch_mapping_file() -> dict[str, Any]:
    return _read("torch_mapping.json")


def docs_version() -> str:
    """The MindSpore version the knowledge base describes; its documentation is the one linked."""
    return _torch_mapping_file()["meta"]["mindspore"]


def mapping_table_url() -> str:
    """MindSpore's PyTorch API mapping table, for the knowledge base's version."""
    return versioned_doc(DOCS_BASE + "master/note/api_mapping/pytorch_api_mapping.html", docs_version())


@functools.cache
def load_torch_mapping() -> dict[str, ApiMapping]:
    """torch qualified name -> mapping entry; notes are cleaned (``clean_note``) and doc links point at the
    documentation of the MindSpore version the table was generated from."""
    out: dict[str, ApiMapping] = {}
    version = docs_version()
    for torch_name, e in _torch_mapping_file()["entries"].items():
        out[torch_name] = ApiMapping(
            torch=torch_name,
            ms=e["ms"],
            kind=e["kind"],
            torch_args=tuple(e["torch_args"]) if e["torch_args"] is not None else None,
            ms_args=tuple(e["ms_args"]) if e["ms_args"] is not None else None,
            kwargs_change=e["kwargs_change"],
            unsupported_args=tuple(e["unsupported_args"]),
            defaults_diff={k: (v[0], v[1]) for k, v in e["defaults_diff"].items()},
            note=clean_note(e["note"]),
            doc=versioned_doc(e["doc"], version) if e["doc"] else None,
            platforms=tuple(e["platforms"]) if e["platforms"] is not None else None,
            since=e["since"],
            until=e["until"],
            verified=e["verified"],
            source=e["source"],
            category=e["category"],
        )
    return out


@functools.cache
def load_signatures() -> Signatures:
    """The MindSpore signature table."""
    raw = _read("ms_signatures.json")
    return Signatures(
        version=raw["meta"]["mindspore"],
        names={ns: frozenset(v) for ns, v in raw["names"].items()},
        apis=raw["apis"],
        history={k: VersionFact(v.get("since"), v.get("until"), v["bound"], v["source"]) for k, v in raw["history"].items()},
    )


@dataclass(frozen=True)
class ArgumentType:
    """A type MindSpore's validators enforce on one argument (``ms_arg_types.json``, verified by running)."""

    requires: tuple[str, ...]  # "float": an int raises TypeError; "not-none": None raises TypeError
    when: str  # "construction" or "call" (the Cell raises when it runs)
    with_arguments: dict[str, str]  # other arguments the accepted call needs (nn.Upsample: recompute_scale_factor)
    source: str


@functools.cache
def load_argument_types() -> dict[str, dict[str, ArgumentType]]:
    """MindSpore class -> parameter -> enforced type."""
    return {
        api: {name: ArgumentType(tuple(fact["requires"]), fact["when"], fact.get("with", {}), fact["source"]) for name, fact in params.items()}
        for api, params in _read("ms_arg_types.json")["apis"].items()
    }


TfStatus = Literal["consistent", "renamed-args", "diff", "listed", "no-equivalent"]
TF_STATUSES: tuple[TfStatus, ...] = ("consistent", "renamed-args", "diff", "listed", "no-equivalent")


@dataclass(frozen=True)
class TfMapping:
    """How one TensorFlow API maps to MindSpore (``mslint/knowledge/data/tf_mapping.json``)."""

    tf: str
    ms: tuple[str, ...]
    status: TfStatus
    note: str
    diff: str | None
    source: str


@functools.cache
def load_tf_mapping() -> dict[str, TfMapping]:
    """``tf.<name>`` -> mapping entry."""
    return {
        name: TfMapping(name, tuple(e["ms"]), e["status"], e["note"], e["diff"], e["source"])
        for name, e in _read("tf_mapping.json")["entries"].items()
    }


def tf_mapping_for(qualname: str) -> TfMapping | None:
    """The entry for a resolved TensorFlow name (``tensorflow.nn.relu``, ``tensorflow.compat.v1.placeholder``)."""
    if qualname == "tensorflow" or not qualname.startswith("tensorflow."):
        return None
    name = "tf." + qualname[len("tensorflow.") :]
    mapping = load_tf_mapping()
    for prefix in ("tf.compat.v1.", "tf.compat.v2."):
        if name.startswith(prefix) and name not in mapping:
            name = "tf." + name[len(prefix) :]
    return mapping.get(name)
