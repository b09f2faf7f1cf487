"""PyTorch names the knowledge base does not map, looked up in MindSpore's API surface
(``mslint/knowledge/data/ms_surface.json``, generated from the installed MindSpore): an API of the same name in the
namespace MindSpore offers for the PyTorch one (``torch.softmax`` -> ``mindspore.mint.softmax``), or none."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache

from mslint.knowledge import data_text
from mslint.knowledge.mappings import DOCS_BASE, docs_version

SURFACE = "mslint/knowledge/data/ms_surface.json"
# Where MindSpore keeps what a PyTorch namespace holds, searched in order (most PyTorch-like first).
NAMESPACES = {
    "torch": ("mindspore.mint", "mindspore.ops", "mindspore"),
    "torch.nn": ("mindspore.mint.nn", "mindspore.nn"),
    "torch.nn.functional": ("mindspore.mint.nn.functional", "mindspore.ops"),
    "torch.nn.init": ("mindspore.common.initializer",),
    "torch.linalg": ("mindspore.mint.linalg", "mindspore.ops"),
    "torch.special": ("mindspore.mint.special", "mindspore.ops"),
    "torch.fft": ("mindspore.ops",),
    "torch.optim": ("mindspore.mint.optim", "mindspore.experimental.optim", "mindspore.nn"),
    "torch.optim.lr_scheduler": ("mindspore.experimental.optim.lr_scheduler",),
    "torch.distributed": ("mindspore.mint.distributed", "mindspore.communication"),
    "torch.utils.data": ("mindspore.dataset",),
    "torch.amp": ("mindspore.amp",),
}


@dataclass(frozen=True)
class Counterpart:
    """What the surface says of an unmapped PyTorch name: the same-named MindSpore API, or why there is none."""

    ms: str | None
    what: str
    doc: str | None


@cache
def _surface_names(version: str) -> dict[str, frozenset[str]] | None:
    """Public names per MindSpore module in the surface of ``major.minor``, None when it has no record of it."""
    versions = json.loads(data_text("ms_surface.json"))["versions"]
    record = versions.get(version)
    if record is None:
        return None
    return {module: frozenset(found["names"]) | frozenset(found.get("submodules", ())) for module, found in record["modules"].items()}


def _doc(qualname: str) -> str:
    """The API page of a MindSpore name, in the layout of MindSpore's documentation."""
    folder = qualname.split(".")[1] if qualname.split(".")[1] in ("mint", "ops", "nn") else "mindspore"
    return f"{DOCS_BASE}r{docs_version()}/api_python/{folder}/{qualname}.html"


def counterpart(api: str, mindspore_version: str) -> Counterpart | None:
    """The MindSpore counterpart of an unmapped ``torch.*`` name by the surface of ``mindspore_version``; None when the
    surface has no record of that version."""
    names = _surface_names(".".join(mindspore_version.split(".")[:2]))
    if names is None:
        return None
    namespace, _, name = api.rpartition(".")
    version = ".".join(mindspore_version.split(".")[:2])
    if any(part.startswith("_") for part in api.split(".")):
        return Counterpart(None, "a PyTorch internal (private name): MindSpore has no counterpart; rewrite without it", None)
    for module in NAMESPACES.get(namespace, ()):
        if name in names.get(module, ()):
            qualname = f"{module}.{name}"
            return Counterpart(qualname, f"use {qualname}, the API of this name in MindSpore {version} (not in MindSpore's "
                                         "mapping table: compare its arguments and behaviour)", _doc(qualname))
    return Counterpart(None, f"{_missing(namespace, name, names)} (MindSpore {version}'s API surface, {SURFACE}): write a "
                             "replacement", None)


def _missing(namespace: str, name: str, names: dict[str, frozenset[str]]) -> str:
    """Where the surface was searched: the namespaces MindSpore offers for the PyTorch one, else the module of the same
    path (``torch.fx`` -> ``mindspore.fx``), which may not exist."""
    if namespace in NAMESPACES:
        return f"no {name} in {' or '.join(NAMESPACES[namespace])}"
    mirrored = "mindspore" + namespace[len("torch"):]
    parent, _, last = mirrored.rpartition(".")
    if mirrored in names or last in names.get(parent, ()):
        return f"no {name} in {mirrored}"
    return f"no {mirrored} module"
