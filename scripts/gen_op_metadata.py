"""Generate ``mslint/knowledge/data/ms_ops.json`` from the installed MindSpore.

Usage (from the repository root)::

    GLOG_v=3 python scripts/gen_op_metadata.py            # writes mslint/knowledge/data/ms_ops.json
    GLOG_v=3 python scripts/gen_op_metadata.py --check    # exit 1 if the shipped file differs

Everything except the curated dynamic-shape list is mined from docstrings.
"""
from __future__ import annotations

import argparse
import importlib
import inspect
import json
import re
import sys
from pathlib import Path
from typing import Any

from generated_file import write_or_check

COMMAND = "GLOG_v=3 python scripts/gen_op_metadata.py"
OUT = Path(__file__).resolve().parent.parent / "mslint" / "knowledge" / "data" / "ms_ops.json"
FORMAT_VERSION = 1

# Public namespaces in priority order: the first one holding an object owns its
# canonical name for definition-path aliases.
PUBLIC_NAMESPACES = (
    "mindspore.ops",
    "mindspore.nn",
    "mindspore.mint",
    "mindspore.mint.nn",
    "mindspore.mint.nn.functional",
    "mindspore.mint.linalg",
    "mindspore.mint.special",
    "mindspore.mint.optim",
    "mindspore.mint.distributed",
)
# Implementation namespaces: names here become aliases of public names.
ALIAS_NAMESPACES = ("mindspore.ops.operations", "mindspore.ops.function")
# Re-exported helpers that namespaces import but do not document as their own API.
NOT_APIS = frozenset({"Tensor", "Cell", "Parameter", "constexpr"})
ALIAS_PREFIXES = {
    "mindspore.common.tensor.Tensor.": "mindspore.Tensor.",
    "mindspore.common.Tensor.": "mindspore.Tensor.",
}
DOC_PAGES = {
    "mindspore.ops": "ops",
    "mindspore.ops.operations": "ops",
    "mindspore.nn": "nn",
    "mindspore.mint": "mint",
    "mindspore.Tensor": "mindspore/Tensor",
}

DYNAMIC_SHAPE_SOURCE = "https://www.mindspore.cn/docs/en/r2.4.10/migration_guide/dynamic_shape.html"
# Ops whose output shape depends on input values (migration guide, dynamic_shape.md:
# "Unique, MaskedSelect, NonZero"; argwhere/bincount/unique_consecutive by the same rule).
DYNAMIC_SHAPE_CURATED = frozenset(
    {"nonzero", "NonZero", "argwhere", "unique", "Unique", "unique_consecutive",
     "UniqueConsecutive", "masked_select", "MaskedSelect", "bincount"}
)
# Docstring phrases that describe a value-dependent output shape.
DYNAMIC_SHAPE_DOC = re.compile(
    r"Remove duplicate elements|positions of all non-?zero|number of non-?zero in `input` is `N`"
    r"|according to the boolean `mask`|length of output tensor is max\(|consecutive duplicate"
)

PLATFORMS = ("Ascend", "GPU", "CPU")
MAX_SENTENCE = 400
ASCEND_RE = re.compile(r"\bAscend\b|\bAtlas\b|\bAICPU\b|\b910[ABC]?\b|\b310P?\b", re.I)
DTYPE_RE = re.compile(
    r"\b(bfloat16|float16|float32|float64|double|complex64|complex128|complex|"
    r"u?int8|u?int16|u?int32|u?int64|bool)\b",
    re.I,
)
NEGATION_RE = re.compile(
    r"not (?:be |currently |yet )?supported|(?:does|do|doesn't|don't|can) ?not support|doesn't"
    r"|don't support|cannot|unsupported|not support",
    re.I,
)
ONLY_RE = re.compile(
    r"only (?:supports?|supported|computation|accepts?)|supports? only|only (?:bfloat16|float|u?int|bool|complex)",
    re.I,
)
PLATFORM_WORD_RE = {p: re.compile(rf"\b{p}\b", re.I) for p in PLATFORMS}
VERSION_RE = re.compile(r"after (?:the )?version (\d+(?:\.\d+)+)|removed in (?:version )?(\d+(?:\.\d+)+)")
DEPRECATED_SINCE_RE = re.compile(r"deprecated (?:from|since) version (\d+(?:\.\d+)*)", re.I)
REFER_RE = re.compile(
    r"(?:[Rr]efer to|[Aa]lias (?:for|of)|[Ii]n-?place version of|[Ss]ee)\s+:\w+:`~?\.?([\w.]+)`"
)
SECTION_RE = re.compile(r"^[A-Z][\w ]*:$")
ARG_ITEM_RE = re.compile(r"^(?:- \*\*\w+\*\*|\*?\w+ \([^)]*\)\s*:|\w+ \([^)]*\)\s*-)")
ARG_HEAD_RE = re.compile(r"^\*?\w+ \([^)]*\)\s*:|^\*\*\w+\*\* \([^)]*\)")
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z`:*(])")
EXPERIMENTAL_RE = re.compile(r"experimental (?:API|interface|feature)", re.I)


def strip_examples(doc: str) -> str:
    """Drop ``Examples:`` blocks (kept out of every mined field)."""
    out: list[str] = []
    skipping = False
    for line in doc.splitlines():
        s = line.strip()
        if re.match(r"^Examples?:$", s):
            skipping = True
            continue
        if skipping and (s.startswith(".. method::") or s.startswith("Supported Platforms")):
            skipping = False
        if not skipping:
            out.append(line)
    return "\n".join(out)


def units(doc: str) -> list[tuple[str, str]]:
    """Split a docstring into (section, logical paragraph or bullet) pairs."""
    result: list[tuple[str, str]] = []
    section = ""
    cur: list[str] = []
    cur_indent = 0

    def flush() -> None:
        if cur:
            result.append((section, " ".join(cur)))
            cur.clear()

    prev = ""
    for line in doc.splitlines():
        s = line.strip()
        indent = len(line) - len(line.lstrip())
        if not s:
            flush()
        elif SECTION_RE.match(s) or s.startswith(".. "):
            flush()
            section = s.rstrip(":").lstrip(". ").rstrip(":").lower()
        elif (s.startswith(("- ", "* ")) or ARG_ITEM_RE.match(s)
              or (cur and indent <= cur_indent and prev.endswith((".", ":")))):
            flush()
            cur.append(s)
            cur_indent = indent
        else:
            if not cur:
                cur_indent = indent
            cur.append(s)
        prev = s
    flush()
    return result


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, clipped to MAX_SENTENCE characters."""
    text = re.sub(r"^[-*]\s+", "", text)
    out = []
    for s in SENTENCE_SPLIT_RE.split(text):
        s = s.strip()
        if s:
            out.append(s if len(s) <= MAX_SENTENCE else s[: MAX_SENTENCE - 3] + "...")
    return out


def norm_dtype(name: str) -> str:
    name = name.lower()
    return {"double": "float64"}.get(name, name)


def dtype_limits(sents: list[str]) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """Per-platform dtypes stated as unsupported / as the only supported ones."""
    unsupported: dict[str, set[str]] = {}
    only: dict[str, set[str]] = {}
    for sent in sents:
        sent = re.sub(r"\([^()]*\)", "", ARG_HEAD_RE.sub("", sent))
        for clause in re.split(r";|,?\s+while\s+|,\s+(?:but|and)\s+|\.\s+", sent):
            dtypes = {norm_dtype(m) for m in DTYPE_RE.findall(clause)}
            if not dtypes:
                continue
            plats = [p for p, rx in PLATFORM_WORD_RE.items() if rx.search(clause)]
            if not plats:
                continue
            if NEGATION_RE.search(clause):
                for p in plats:
                    unsupported.setdefault(p, set()).update(dtypes)
            elif ONLY_RE.search(clause):
                for p in plats:
                    only.setdefault(p, set()).update(dtypes)
    return unsupported, only


def deprecation_info(obj: Any) -> tuple[str | None, str | None]:
    """(version, substitute) from the ``mindspore.common._decorator.deprecated`` wrapper."""
    for fn in (obj, getattr(obj, "__init__", None)):
        code = getattr(fn, "__code__", None)
        if code is None or "deprecated.<locals>" not in code.co_qualname:
            continue
        cells = dict(zip(code.co_freevars, (c.cell_contents for c in fn.__closure__ or ())))
        return str(cells.get("version")), cells.get("substitute") or None
    return None, None


def parse_doc(doc: str) -> dict[str, Any]:
    """Mine one docstring into the raw (uninherited) entry fields."""
    info: dict[str, Any] = {}
    plats: set[str] = set()
    for m in re.finditer(r"Supported Platforms:?\s*\n((?:[ \t]*(?:``|Deprecated)[^\n]*\n?)+)", doc):
        for token in re.findall(r"``([\w/]+)``|(Deprecated)", m.group(1)):
            plats.update("".join(token).split("/"))
    if plats - {"Deprecated"}:
        info["platforms"] = sorted(p for p in plats if p in PLATFORMS)
    elif plats:
        info["no_inherit"] = True
    body = strip_examples(doc)
    us = units(body)
    notes: list[str] = []
    changes: list[list[str]] = []
    deprecated: str | None = None
    all_sents: list[str] = []
    for section, unit in us:
        if section.startswith("supported platforms"):
            continue
        is_arg = bool(ARG_ITEM_RE.match(unit)) or section in {"args", "inputs", "keyword args", "parameters"}
        unit_sents = sentences(unit)
        if len(unit) <= MAX_SENTENCE and ASCEND_RE.search(unit):
            note = re.sub(r"^[-*]\s+", "", unit)
            if note not in notes:
                notes.append(note)
        for s in unit_sents:
            if section != "raises":
                all_sents.append(s)
            if len(unit) > MAX_SENTENCE and ASCEND_RE.search(s) and s not in notes:
                notes.append(s)
            v = VERSION_RE.search(s)
            if v and [v.group(1) or v.group(2), s] not in changes:
                changes.append([v.group(1) or v.group(2), s])
            if (deprecated is None and not is_arg and re.search(r"deprecat", s, re.I)
                    and not re.search(r"\b(?:parameter|argument)s?\b", s, re.I)):
                deprecated = s
    if deprecated is None and "Deprecated" in plats:
        deprecated = "Deprecated"
    if notes:
        info["ascend_notes"] = notes
    if changes:
        info["changes_after"] = changes
    if deprecated:
        info["deprecated"] = deprecated
        since = DEPRECATED_SINCE_RE.search(deprecated)
        if since:
            info["deprecated_since"] = since.group(1)
    if EXPERIMENTAL_RE.search(body):
        info["experimental"] = True
    unsupported, only = dtype_limits(all_sents)
    if unsupported:
        info["unsupported_dtypes"] = {p: sorted(v) for p, v in sorted(unsupported.items())}
    if only:
        info["only_dtypes"] = {p: sorted(v) for p, v in sorted(only.items())}
    if DYNAMIC_SHAPE_DOC.search(body):
        info["dynamic_shape"] = "docstring"
    ref = REFER_RE.search(body[:600])
    if ref:
        info["refers_to"] = ref.group(1)
    return info


def kind_of(namespace: str, obj: Any) -> str:
    if namespace == "mindspore.Tensor":
        return "tensor_method"
    if inspect.isclass(obj):
        from mindspore.ops.primitive import Primitive

        return "primitive" if issubclass(obj, Primitive) else "class"
    return "function"


def is_public_api(name: str, obj: Any, listed: bool) -> bool:
    """Keep callables listed in ``__all__`` plus unlisted ones defined by MindSpore."""
    from mindspore.ops.primitive import Primitive

    if name.startswith("_") or obj is None or inspect.ismodule(obj) or not callable(obj):
        return False
    if listed:
        return True
    module = getattr(obj, "__module__", None) or ""
    return (module.startswith("mindspore") and name not in NOT_APIS
            and not isinstance(obj, Primitive) and not name.startswith("jit_"))


def public_objects() -> tuple[dict[str, Any], dict[str, str], dict[str, str]]:
    """Return qualname -> object, qualname -> namespace and alias -> canonical qualname."""
    import mindspore

    objs: dict[str, Any] = {}
    namespaces: dict[str, str] = {}
    owner: dict[int, str] = {}
    for ns in PUBLIC_NAMESPACES:
        mod = importlib.import_module(ns)
        for name in sorted(set(mod.__all__) | set(dir(mod))):
            obj = getattr(mod, name, None)
            if not is_public_api(name, obj, name in mod.__all__):
                continue
            qual = f"{ns}.{name}"
            objs[qual] = obj
            namespaces[qual] = ns
            owner.setdefault(id(obj), qual)
    for name in sorted(dir(mindspore.Tensor)):
        obj = getattr(mindspore.Tensor, name)
        if not name.startswith("_") and callable(obj):
            objs[f"mindspore.Tensor.{name}"] = obj
            namespaces[f"mindspore.Tensor.{name}"] = "mindspore.Tensor"
    aliases: dict[str, str] = {}
    for ns in ALIAS_NAMESPACES:
        mod = importlib.import_module(ns)
        for name in sorted(set(mod.__all__)):
            if name.startswith("_") or not hasattr(mod, name):
                continue
            obj = getattr(mod, name)
            if inspect.ismodule(obj) or not callable(obj):
                continue
            qual = f"{ns}.{name}"
            if id(obj) in owner:
                aliases[qual] = owner[id(obj)]
            else:
                objs[qual] = obj
                namespaces[qual] = ns
                owner[id(obj)] = qual
    for qual, obj in objs.items():
        mod, qn = getattr(obj, "__module__", None), getattr(obj, "__qualname__", None)
        if not (isinstance(mod, str) and isinstance(qn, str) and mod.startswith("mindspore")):
            continue
        defpath = f"{mod}.{qn}"
        if "<" not in defpath and defpath not in objs and namespaces[qual] != "mindspore.Tensor":
            aliases.setdefault(defpath, owner.get(id(obj), qual))
    return objs, namespaces, aliases


def resolve_ref(ref: str, apis: dict[str, dict[str, Any]], aliases: dict[str, str]) -> str | None:
    ref = ref if ref.startswith("mindspore.") else f"mindspore.{ref}"
    ref = aliases.get(ref, ref)
    return ref if ref in apis else None


def inherit(apis: dict[str, dict[str, Any]], aliases: dict[str, str]) -> None:
    """Give thin 'Refer to X' docstrings the platform info, notes and dtype limits of X."""
    refs = {q: e.pop("refers_to", None) for q, e in apis.items()}
    for qual in sorted(apis):
        entry = apis[qual]
        seen = {qual}
        target = None if entry.pop("no_inherit", False) else refs[qual]
        while "platforms" not in entry and target:
            tq = resolve_ref(target, apis, aliases)
            if tq is None or tq in seen:
                break
            seen.add(tq)
            src = apis[tq]
            if "platforms" in src:
                entry["platforms"] = src["platforms"]
                entry["platforms_from"] = src.get("platforms_from", tq)
                for key in ("ascend_notes", "unsupported_dtypes", "only_dtypes"):
                    if key in src and key not in entry:
                        entry[key] = src[key]
            target = refs[tq]


def build() -> dict[str, Any]:
    import mindspore

    objs, namespaces, aliases = public_objects()
    apis: dict[str, dict[str, Any]] = {}
    for qual, obj in objs.items():
        ns = namespaces[qual]
        entry = parse_doc(inspect.getdoc(obj) or "")
        entry["kind"] = kind_of(ns, obj)
        since, substitute = deprecation_info(obj)
        if since:
            entry.setdefault("deprecated", f"deprecated from version {since}")
            entry["deprecated_since"] = since
            if substitute:
                entry["deprecated_substitute"] = substitute
        name = qual.rsplit(".", 1)[1]
        if name in DYNAMIC_SHAPE_CURATED and "dynamic_shape" not in entry:
            entry["dynamic_shape"] = "curated"
        apis[qual] = entry
    inherit(apis, aliases)
    for qual, entry in apis.items():
        ns, name = namespaces[qual], qual.rsplit(".", 1)[1]
        candidates: tuple[str, ...] = ()
        if ns == "mindspore.ops" and entry["kind"] == "function":
            candidates = (f"mindspore.mint.{name}", f"mindspore.mint.nn.functional.{name}")
        elif ns == "mindspore.nn":
            candidates = (f"mindspore.mint.nn.{name}",)
        alt = next((c for c in candidates if c in apis), None)
        if alt:
            entry["mint_alternative"] = alt
    version = mindspore.__version__
    return {
        "meta": {
            "format_version": FORMAT_VERSION,
            "mindspore_version": version,
            "generated_by": COMMAND,
            "doc_url": f"https://www.mindspore.cn/docs/en/r{version}/api_python/{{page}}/{{qualname}}.html",
            "doc_pages": DOC_PAGES,
            "dynamic_shape_source": DYNAMIC_SHAPE_SOURCE,
            "api_count": len(apis),
            "alias_count": len(aliases),
        },
        "alias_prefixes": ALIAS_PREFIXES,
        "aliases": dict(sorted(aliases.items())),
        "apis": dict(sorted(apis.items())),
    }


def render(data: dict[str, Any]) -> str:
    """Serialise deterministically: sorted keys, one API or alias per line."""
    lines = ["{"]
    keys = sorted(data)
    for i, key in enumerate(keys):
        value = data[key]
        tail = "," if i < len(keys) - 1 else ""
        if key in {"aliases", "apis"}:
            items = [f"{json.dumps(k)}:{json.dumps(v, sort_keys=True, separators=(',', ':'), ensure_ascii=False)}"
                     for k, v in sorted(value.items())]
            lines.append(f"{json.dumps(key)}:{{")
            lines.append(",\n".join(items))
            lines.append("}" + tail)
        else:
            lines.append(f"{json.dumps(key)}:{json.dumps(value, sort_keys=True, separators=(',', ':'))}{tail}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args(argv)
    text = render(build())
    return write_or_check(args.out, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
