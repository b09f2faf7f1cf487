"""MindSpore's own API surface (``data/ms_surface.json``, format in ``data/README_surface.md``): what a public path
names, what a class and its instances hold, signatures, the argument types MindSpore's validators reject, what calls
return, and the Tensor call forms GRAPH_MODE refuses. Never imports a framework.

A path the surface does not cover (a module it does not record, a private name) is *unknown*, never *missing*:
the rules report only what the surface certainly lacks.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mslint.core.versions import parse_version
from mslint.knowledge import data_text
from mslint.knowledge.mappings import PARAM_KINDS, Param

TENSOR = "mindspore.common.tensor.Tensor"
PARAMETER = "mindspore.common.parameter.Parameter"
CELL = "mindspore.nn.cell.Cell"
PRIMITIVE = "mindspore.ops.primitive.Primitive"
# Attributes every class object has beside the members the surface records (``type``'s and ``ABCMeta``'s).
_CLASS_OBJECT_ATTRIBUTES = frozenset({"mro", "register"})
# Methods of Cells that hold the sub-cells they are given (their attribute names come from the arguments).
_CONTAINER_METHODS = frozenset({"append", "extend", "insert", "update"})
# Instance records listing names an instance holds.
_INSTANCE_FIELDS = ("parameters", "buffers", "cells", "primitives", "prim_attrs", "attributes")
# Signature sources that state what a call accepts (``none`` states nothing; ``infer_shape`` and
# ``docstring-inputs`` may leave out optional inputs of a Primitive).
EXACT_SOURCES = frozenset({"inspect", "docstring", "construct", "__call__", "probe"})
Overloads = tuple[tuple[Param, ...], ...]


@dataclass(frozen=True)
class Found:
    """What a public path names: ``module`` (its real name), ``class`` / ``function`` (their key), ``instance`` /
    ``constant`` (the key of its class) or ``member`` (``<class key>.<name>``)."""

    kind: str
    key: str


@dataclass(frozen=True)
class Missing:
    """A name a recorded module or class does not have."""

    owner: str  # the public path written before the name (``mindspore.ops.functional``)
    owner_kind: str  # "module" or "class"
    name: str
    owner_key: str  # the module's real name or the class key


@dataclass(frozen=True)
class Signature:
    """The overloads of a callable and where they come from (``inspect``, ``docstring``, ``construct`` ...)."""

    overloads: Overloads
    source: str

    @property
    def exact(self) -> bool:
        return bool(self.overloads) and self.source in EXACT_SOURCES


@dataclass(frozen=True)
class ArgumentClaim:
    """Literal kinds MindSpore rejects for one parameter (each confirmed by a TypeError), and what it accepts."""

    accepts: tuple[str, ...]
    rejects: dict[str, str]  # literal kind (int, float, bool, str, none, tuple, list) -> the TypeError


def _params(overload: list[list[Any]]) -> tuple[Param, ...]:
    return tuple(Param(p[0], PARAM_KINDS[p[1]], p[2] if len(p) > 2 else None) for p in overload)


class Surface:
    """The surface of one MindSpore version."""

    def __init__(self, version: str, record: dict[str, Any]) -> None:
        self.version = version
        self.mindspore = record["mindspore"]
        self._modules: dict[str, Any] = record["modules"]
        self._classes: dict[str, Any] = record["classes"]
        self._functions: dict[str, Any] = record["functions"]
        self._instances: dict[str, Any] = record["instances"]
        self._arg_types: dict[str, Any] = record["arg_types"]
        self._results: dict[str, Any] = record.get("results", {})
        self.graph_narrower: dict[str, dict[str, Any]] = record["graph_narrower"]
        self._graph_forms: dict[str, Any] = record["graph_forms"]
        self.tensor_first_arg: dict[str, Any] = record["tensor_first_arg"]
        self._signatures: dict[tuple[str, ...], Signature | None] = {}

    # paths

    def covers(self, module: str) -> bool:
        return module in self._modules

    def resolve(self, path: str) -> Found | Missing | None:
        """What ``mindspore.a.b`` names, the name a recorded module or class lacks, or None when the surface does
        not say (a module it does not record, a private name, an attribute of a function or constant)."""
        parts = path.split(".")
        if parts[0] != "mindspore":
            return None
        current: Found | Missing | None = Found("module", "mindspore")
        for index, part in enumerate(parts[1:], start=1):
            if not isinstance(current, Found):
                return None
            current = self.attribute(current, part, ".".join(parts[:index]))
        return current

    def attribute(self, owner: Found, name: str, written: str = "") -> Found | Missing | None:
        """What ``<owner>.<name>`` is for a module or class ``owner`` (``written`` is how the code spells the owner,
        for messages), the name it lacks, or None when the surface does not say."""
        if name.startswith("_"):
            return None
        if owner.kind == "module":
            record = self._modules.get(owner.key)
            if record is None:
                return None
            entry = record["names"].get(name)
            if entry is not None:
                return Found(entry[0], entry[1])
            if name in record.get("submodules", ()):
                return Found("module", f"{owner.key}.{name}")
            return Missing(written or owner.key, "module", name, owner.key)
        if owner.kind == "class" and owner.key in self._classes:
            if self.member(owner.key, name) is not None:
                return Found("member", f"{owner.key}.{name}")
            return None if name in _CLASS_OBJECT_ATTRIBUTES else Missing(written or owner.key, "class", name, owner.key)
        return None

    def names_of(self, owner: Found) -> frozenset[str]:
        """The public names a module or class has (for "did you mean")."""
        if owner.kind == "module":
            return self.module_names(owner.key)
        return self.members(owner.key) if owner.kind == "class" else frozenset()

    def module_names(self, module: str) -> frozenset[str]:
        """The names ``module.x`` reaches (submodules included); empty for a module the surface does not record."""
        record = self._modules.get(module)
        return frozenset(record["names"]) | frozenset(record.get("submodules", ())) if record else frozenset()

    @functools.cached_property
    def _public_paths(self) -> dict[str, str]:
        paths: dict[str, str] = {}
        for module, record in self._modules.items():
            for name, (kind, key, *_) in record["names"].items():
                path = f"{module}.{name}"
                if kind in ("class", "function") and (key not in paths or (len(path), path) < (len(paths[key]), paths[key])):
                    paths[key] = path
        return paths

    def public_path(self, key: str) -> str:
        """The shortest public path of a class or function key (``mindspore.nn.Dense``)."""
        return self._public_paths.get(key, key)

    # classes and instances

    def is_class(self, key: str) -> bool:
        return key in self._classes

    def class_kind(self, key: str) -> str | None:
        """cell, optimizer, primitive, tensor, parameter or class."""
        record = self._classes.get(key)
        return record["kind"] if record else None

    def mro(self, key: str) -> tuple[str, ...]:
        """The class and its recorded MindSpore bases, in MRO order."""
        record = self._classes.get(key)
        return (key, *record["mro"]) if record else ()

    def is_subclass(self, key: str, base: str) -> bool:
        return base in self.mro(key) or base in self._instance_mro(key)

    def member(self, key: str, name: str) -> dict[str, Any] | None:
        """The record of a public method, property or class attribute, through the MRO."""
        for owner in (*self.mro(key), *self._instance_mro(key)):
            found = self._classes.get(owner, {}).get("members", {}).get(name)
            if found is not None:
                return found
        return None

    def members(self, key: str) -> frozenset[str]:
        return frozenset(name for owner in (*self.mro(key), *self._instance_mro(key)) for name in self._classes.get(owner, {}).get("members", {}))

    def _instance_mro(self, key: str) -> tuple[str, ...]:
        """Classes an instance's MRO holds beyond the class's (a Parameter instance is a Tensor)."""
        extra = self._instances.get(key, {}).get("instance_mro", ())
        return tuple(base for base in extra if base in self._classes and base not in self.mro(key))

    def instance_names(self, key: str) -> frozenset[str] | None:
        """Every public name an instance of ``key`` may have (members, what building one registers and sets, what
        the methods of its classes assign), or None when that is not certain: a ``__getattr__`` serving more than
        the instance records (Primitive attributes, a Cell the generator could not build), or a class not recorded."""
        record = self._classes.get(key)
        if record is None:
            return None
        getattr_owner = record.get("getattr")
        if getattr_owner is not None and getattr_owner != CELL:
            return None
        found = set(self.members(key))
        if getattr_owner == CELL and found & _CONTAINER_METHODS - self.members(CELL):
            return None  # SequentialCell, CellList, CellDict: their sub-cells are named by what they are given
        for owner in (*self.mro(key), *self._instance_mro(key)):
            instance = self._instances.get(owner, {})
            for field in _INSTANCE_FIELDS:
                found.update(instance.get(field, ()))
            found.update(instance.get("properties", {}))
            found.update(self._classes.get(owner, {}).get("assigned", ()))
        return frozenset(name for name in found if not name.startswith("_"))

    def instance_parameters(self, key: str) -> frozenset[str]:
        """The Parameters a built instance of a Cell class registers (``weight``, ``gamma``)."""
        return frozenset(name for owner in self.mro(key) for name in self._instances.get(owner, {}).get("parameters", ()))

    def property_type(self, key: str, name: str) -> str | None:
        """The class of a property's value on a sample instance (``Tensor.shape`` is a ``tuple``)."""
        for owner in (key, *self.mro(key)[1:]):
            found = self._instances.get(owner, {}).get("properties", {}).get(name)
            if found is not None:
                return found
        return None

    def init_takes_kwargs(self, key: str) -> bool:
        return bool(self._classes.get(key, {}).get("init_kwargs"))

    # signatures

    def _signature(self, cache_key: tuple[str, ...], record: dict[str, Any] | None) -> Signature | None:
        if cache_key not in self._signatures:
            self._signatures[cache_key] = (
                Signature(tuple(_params(o) for o in record.get("o", ())), record["s"]) if record else None
            )
        return self._signatures[cache_key]

    def init_signature(self, key: str) -> Signature | None:
        """How the class is built (``__init__`` without ``self``)."""
        return self._signature(("init", key), self._classes.get(key, {}).get("init"))

    def call_signature(self, key: str) -> Signature | None:
        """How an instance is called: a Cell's ``construct``, a Primitive's ``__call__`` (or its inputs)."""
        return self._signature(("call", key), self._classes.get(key, {}).get("call"))

    def function_signature(self, key: str) -> Signature | None:
        return self._signature(("function", key), self._functions.get(key))

    def member_signature(self, key: str, name: str) -> Signature | None:
        """A method's signature (without ``self``); None for properties and unknown members."""
        member = self.member(key, name)
        if member is None or member["t"] not in ("method", "staticmethod", "classmethod"):
            return None
        return self._signature(("member", key, name), member)

    # evidence

    def argument_claims(self, key: str) -> dict[str, ArgumentClaim]:
        """Parameter -> the literal kinds MindSpore's validators reject (classes: ``__init__``; functions)."""
        return {
            name: ArgumentClaim(tuple(entry["accepts"]), entry["rejects"])
            for name, entry in self._arg_types.get(key, {}).items()
            if entry.get("rejects")
        }

    def accepted_types(self, key: str, parameter: str) -> tuple[str, ...] | None:
        """What a validator accepts for a parameter (whether or not a literal was rejected), None when unvalidated."""
        entry = self._arg_types.get(key, {}).get(parameter)
        return tuple(entry["accepts"]) if entry else None

    def result(self, key: str) -> str | None:
        """The class name of what calling ``key`` returns (a function, ``<Tensor>.<method>``, or a Primitive or Cell
        class: calling its instance), when every recorded call that ran returned the same class."""
        outcomes = {value for value in self._results.get(key, {}).values() if not value.startswith(("raises ", "not probed"))}
        return outcomes.pop() if len(outcomes) == 1 else None

    def graph_forms_of(self, method: str) -> dict[str, dict[str, str]]:
        """The recorded ``x.<method>(...)`` forms and their outcomes (``pynative``, ``graph_lax``, ``graph_strict``)."""
        return self._graph_forms.get(method, {})

    def narrower_forms(self, method: str) -> Iterable[tuple[str, dict[str, Any]]]:
        """The recorded ``x.<method>(...)`` forms PyNative runs and GRAPH_MODE refuses."""
        prefix = f"x.{method}("
        return ((form, fact) for form, fact in self.graph_narrower.items() if form.startswith(prefix))


@functools.cache
def _surface_file() -> dict[str, Any]:
    return json.loads(data_text("ms_surface.json"))


def shipped_surface() -> Surface:
    """The surface of the newest MindSpore version the data records: what a name *is* (a Cell class, a Tensor
    method) for the analyses that type receivers, whatever version the rules target."""
    newest = max(_surface_file()["versions"], key=parse_version)
    surface = load_surface(newest)
    assert surface is not None
    return surface


@functools.cache
def load_surface(version: str) -> Surface | None:
    """The surface recorded for ``version``'s major.minor (``2.10`` for ``2.10.1``), or None when the data holds no
    record of that version: then nothing is certain and the rules that read the surface stay silent."""
    parts = parse_version(version)
    key = ".".join(str(part) for part in parts[:2])
    record = _surface_file()["versions"].get(key)
    return Surface(key, record) if record is not None else None
