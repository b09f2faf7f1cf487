"""MindTorch (MSAdapter): the torch layers that run PyTorch code on MindSpore, and their published support tables.

Reads ``mslint/knowledge/data/mindtorch_support.json`` (``scripts/gen_mindtorch_support.py``: MSAdapter's "API兼容"
pages of mindspore-ai/docs, one status per PyTorch 2.1 API, the documented usage limits, what the PyPI packages do
beside the installed MindSpore). Never imports torch, MindSpore or a layer.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from mslint.knowledge import data_text

STABLE, BETA, NOT_SUPPORTED, NOT_LISTED = "stable", "beta", "not-supported", "not-listed"
LAYER_STATUSES = (STABLE, BETA, NOT_SUPPORTED, NOT_LISTED)
PARTIAL = "partial"  # a module some of whose APIs the tables list

# How code reaches a layer, and the torch name each layer module stands for (longest prefix first).
# ``mindtorch`` alone is MindNLP's package (``src/mindtorch`` is the torch package itself); PyPI's mindtorch keeps
# torch under ``mindtorch.torch`` and its switches under ``mindtorch.tools`` / ``mindtorch.module_hooker``.
LAYER_PREFIXES = (
    ("msadapter.pytorch", "torch"),
    ("msadapter.torchvision", "torchvision"),
    ("mindtorch.torch", "torch"),
    ("mindtorch.torchvision", "torchvision"),
    ("mindtorch.torchaudio", "torchaudio"),
    ("mindtorch", "torch"),
)
LAYER_PACKAGES = ("msadapter", "mindtorch")
# Layer modules that are switches, not torch modules.
SWITCH_MODULES = ("mindtorch.tools", "mindtorch.module_hooker", "mindtorch.utils")
ENABLE_MODULE = "mindtorch.tools.mstorch_enable"  # importing it routes every later `import torch` to the layer


def torch_name(qualname: str | None) -> str | None:
    """The PyTorch name a layer name stands for (``msadapter.pytorch.nn.Linear`` -> ``torch.nn.Linear``), None for a
    name outside the layers or one of their switches (``mindtorch.tools.mstorch_enable``)."""
    if qualname is None or qualname.split(".")[0] not in LAYER_PACKAGES:
        return None
    if any(qualname == switch or qualname.startswith(switch + ".") for switch in SWITCH_MODULES):
        return None
    for prefix, torch_prefix in LAYER_PREFIXES:
        if qualname == prefix or qualname.startswith(prefix + "."):
            return torch_prefix + qualname[len(prefix):]
    return None


@dataclass(frozen=True)
class LayerEntry:
    """What the tables say of one PyTorch API (or of its whole module): status, the constraint cell verbatim and
    what it names (arguments not supported, accepted without effect, defaults that differ from PyTorch's)."""

    name: str
    status: str  # STABLE, BETA or NOT_SUPPORTED
    constraint: str = ""
    unsupported_args: tuple[str, ...] = ()
    ignored_args: tuple[str, ...] = ()
    defaults_diff: tuple[tuple[str, str | None, str | None], ...] = ()  # (argument, torch default, layer default)
    dtypes: tuple[str, ...] = ()
    section: str = ""
    source: str = ""  # the published page
    module: str | None = None  # set when the status is the module's (``torch.linalg``: not supported)


@dataclass(frozen=True)
class Constraint:
    """A usage limit of the overview page: its id, the APIs it concerns, a summary and the error it documents."""

    id: str
    apis: tuple[str, ...]
    summary: str
    error: str
    source: str


@dataclass(frozen=True)
class PackageImport:
    """What a PyPI layer does beside one MindSpore version (``tests/oracle/test_mindtorch_support.py`` observes it)."""

    spec: str
    module: str
    imports: bool
    error: str


@dataclass(frozen=True)
class LayerSupport:
    """The support tables of one layer (MSAdapter, against PyTorch ``torch_version``)."""

    version: str
    torch_version: str
    docs: dict[str, str]  # published page -> repository@commit:path
    entries: dict[str, LayerEntry]
    modules: dict[str, LayerEntry]  # the overview's module table: status PARTIAL or NOT_SUPPORTED
    constraints: dict[str, Constraint]
    packages: dict[str, dict[str, PackageImport]]  # MindSpore major.minor -> pip spec -> outcome

    def lookup(self, name: str) -> LayerEntry | None:
        """The entry of a PyTorch API (``torch.nn.functional.gelu``), else the status of the nearest module the
        overview lists as not supported (``torch.linalg.norm``: ``torch.linalg``); None when the tables do not say
        (a name in a partly supported module that no table lists, such as ``torch.nn.Module``)."""
        entry = self.entries.get(name)
        if entry is not None:
            return entry
        parts = name.split(".")
        for end in range(len(parts) - 1, 0, -1):
            module = ".".join(parts[:end])
            listed = self.modules.get(module)
            if listed is not None and listed.status == NOT_SUPPORTED:
                return LayerEntry(name, NOT_SUPPORTED, section=listed.section, source=listed.source, module=module)
            if listed is not None:
                return None
        return None

    def status(self, name: str) -> str:
        """STABLE, BETA, NOT_SUPPORTED or NOT_LISTED."""
        entry = self.lookup(name)
        return entry.status if entry is not None else NOT_LISTED

    @property
    def mixing_members(self) -> frozenset[str]:
        """The ``mindspore.Tensor`` members whose meaning the layer changes once its torch is imported."""
        return frozenset(api.rsplit(".", 1)[1] for api in self.constraints["no-mixing-with-mindspore"].apis)

    def page(self, source: str) -> str:
        """A published page with the repository, commit and path it was read from."""
        return f"{source} ({self.docs[source]})" if source in self.docs else source

    def importable_beside(self, mindspore_version: str) -> list[PackageImport]:
        """The PyPI layers observed beside a MindSpore version (empty when none was tried with it)."""
        major_minor = ".".join(mindspore_version.split(".")[:2])
        return list(self.packages.get(major_minor, {}).values())


def _entry(name: str, row: dict) -> LayerEntry:
    defaults = tuple((argument, torch, layer) for argument, (torch, layer) in sorted(row.get("defaults_diff", {}).items()))
    return LayerEntry(name, row["status"], row.get("constraint", ""), tuple(row.get("unsupported_args", ())),
                      tuple(row.get("ignored_args", ())), defaults, tuple(row.get("dtypes", ())), row.get("section", ""),
                      row.get("source", ""))


@cache
def load_layer_support() -> LayerSupport:
    """MSAdapter's support tables, read once."""
    layer = json.loads(data_text("mindtorch_support.json"))["layers"]["mindtorch"]
    constraints = {row["id"]: Constraint(row["id"], tuple(row["apis"]), row["summary"], row["error"], row["source"])
                   for row in layer["constraints"]}
    packages: dict[str, dict[str, PackageImport]] = {}
    for spec, package in layer["packages"].items():
        for version, outcome in package["mindspore"].items():
            packages.setdefault(version, {})[spec] = PackageImport(spec, package["module"], outcome["imports"], outcome["error"])
    return LayerSupport(
        version=layer["version"],
        torch_version=layer["torch_version"],
        docs=dict(layer["docs"]),
        entries={name: _entry(name, row) for name, row in layer["entries"].items()},
        modules={module: LayerEntry(module, row["status"], section=f"module {module}", source=row["source"], module=module)
                 for module, row in layer["modules"].items()},
        constraints=constraints,
        packages=packages,
    )
