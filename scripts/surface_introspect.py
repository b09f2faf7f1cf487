"""Introspection half of ``gen_ms_surface.py``: module names, classes and callables of the installed MindSpore.

Nothing here runs MindSpore code beyond importing modules and reading attributes (plus the zero-argument
Tensor probes that ``gen_signatures.describe_member`` makes); building instances and calling APIs is
``surface_probes.py``'s job, in child processes.
"""

from __future__ import annotations

import importlib
import inspect
import os
import pkgutil
import re
from collections.abc import Iterator
from typing import Any

import gen_signatures
import sigdoc

# The namespaces MindSpore documents (mindspore.cn API index) and the older import paths ported code still uses
# (``mindspore.train.callback``, ``mindspore.common.dtype``, ``mindspore.nn.loss``, ...). Each is recorded with
# every public name of ``dir(module)`` after all of them are imported.
MODULES = (
    "mindspore",
    "mindspore.amp",
    "mindspore.common",
    "mindspore.common.api",
    "mindspore.common.dtype",
    "mindspore.common.initializer",
    "mindspore.common.parameter",
    "mindspore.common.tensor",
    "mindspore.communication",
    "mindspore.communication.management",
    "mindspore.context",
    "mindspore.dataset",
    "mindspore.dataset.audio",
    "mindspore.dataset.text",
    "mindspore.dataset.transforms",
    "mindspore.dataset.vision",
    "mindspore.experimental",
    "mindspore.experimental.optim",
    "mindspore.experimental.optim.lr_scheduler",
    "mindspore.hal",
    "mindspore.mint",
    "mindspore.mint.distributed",
    "mindspore.mint.linalg",
    "mindspore.mint.nn",
    "mindspore.mint.nn.functional",
    "mindspore.mint.optim",
    "mindspore.mint.special",
    "mindspore.nn",
    "mindspore.nn.layer",
    "mindspore.nn.loss",
    "mindspore.nn.optim",
    "mindspore.nn.probability",
    "mindspore.nn.probability.bijector",
    "mindspore.nn.probability.distribution",
    "mindspore.nn.wrap",
    "mindspore.numpy",
    "mindspore.ops",
    "mindspore.ops.composite",
    "mindspore.ops.functional",
    "mindspore.ops.operations",
    "mindspore.ops.primitive",
    "mindspore.parallel",
    "mindspore.runtime",
    "mindspore.scipy",
    "mindspore.train",
    "mindspore.train.callback",
    "mindspore.train.metrics",
    "mindspore.train.serialization",
    "mindspore.utils",
)
SIMPLE_CONSTANTS = (bool, int, float, str, type(None))
_INPUT_LINE = re.compile(r"^\s*-\s+\*\*(?P<name>\w+)\*\*\s*(?:\((?P<type>[^)]*)\))?")
_SECTION_END = re.compile(r"^\s*(Outputs|Returns|Raises|Supported Platforms|Examples|Note|Tutorial Examples)\s*:")


def public_names(obj: Any) -> list[str]:
    """``dir(obj)`` without underscore names: what ``obj.x`` and ``from obj import x`` reach."""
    return sorted(name for name in dir(obj) if not name.startswith("_"))


def qualified_name(obj: Any) -> str:
    """``__module__`` + ``__qualname__`` of a class or function (``builtins`` when C code leaves them out)."""
    module = getattr(obj, "__module__", None) or "builtins"
    return f"{module}.{getattr(obj, '__qualname__', None) or obj.__name__}"


def from_mindspore(obj: Any) -> bool:
    """Defined in a MindSpore module (``__module__`` can be missing or not a string on C objects)."""
    return str(getattr(obj, "__module__", None) or "").startswith("mindspore")


def import_modules() -> dict[str, Any]:
    """Import every recorded module first, so each ``dir()`` sees the same set of loaded submodules."""
    return {name: importlib.import_module(name) for name in MODULES}


def submodules(module: Any) -> list[str]:
    """Public submodules ``import module.x`` finds, loaded or not (packages only)."""
    return sorted(info.name for info in pkgutil.iter_modules(getattr(module, "__path__", []) or []) if not info.name.startswith("_"))


class Registry:
    """Every class and callable reached from the recorded modules, under one key per object."""

    def __init__(self) -> None:
        self.keys: dict[int, str] = {}
        self.objects: dict[str, Any] = {}
        self._owners: dict[str, list[int]] = {}

    def add(self, obj: Any, alias: str) -> str:
        """Key of ``obj``: its qualified name, or ``alias`` when another object already holds that name
        (MindSpore builds some functions in factories: four ``...<locals>.mint_view`` objects)."""
        if id(obj) in self.keys:
            return self.keys[id(obj)]
        key = qualified_name(obj)
        if key in self.objects and self.objects[key] is not obj:
            key = alias
        self.keys[id(obj)] = key
        self.objects[key] = obj
        return key


def is_path_of_this_run(value: Any) -> bool:
    """An absolute path (``mindspore.common.api.entry_script_path`` is the running script): its value
    depends on where the generator runs, so the data records only its type."""
    return isinstance(value, str) and os.path.isabs(value)


def name_record(registry: Registry, value: Any, alias: str) -> list[Any]:
    """``[kind, reference(, value repr)]`` of one module attribute."""
    if inspect.ismodule(value):
        return ["module", value.__name__]
    if inspect.isclass(value):
        return ["class", registry.add(value, alias)]
    if inspect.isroutine(value) or (callable(value) and hasattr(value, "__qualname__")):
        return ["function", registry.add(value, alias)]
    kind = "instance" if callable(value) else "constant"
    record: list[Any] = [kind, registry.add(type(value), alias + ".__class__")]
    if isinstance(value, SIMPLE_CONSTANTS) and not is_path_of_this_run(value):
        record.append(sigdoc.default_repr(value)[:80])
    return record


def module_records(modules: dict[str, Any], registry: Registry) -> dict[str, dict[str, Any]]:
    """Per module: its names (kind and reference), ``__all__`` when it differs from the names, submodules."""
    out: dict[str, dict[str, Any]] = {}
    for module_name, module in modules.items():
        names = {name: name_record(registry, getattr(module, name), f"{module_name}.{name}") for name in public_names(module)}
        record: dict[str, Any] = {"names": names}
        star = getattr(module, "__all__", None)
        if star is not None and sorted(star) != sorted(names):
            record["all"] = sorted(star)
        found = submodules(module)
        if found:
            record["submodules"] = found
        out[module_name] = record
    return out


def docstring_inputs(doc: str | None) -> list[sigdoc.Param]:
    """Primitive inputs listed under ``Inputs:`` (``- **x** (Tensor) - ...``), positional-only; an input whose
    type says ``optional`` gets the default ``...`` (the docstring does not give one)."""
    params: list[sigdoc.Param] = []
    inside = False
    for line in inspect.cleandoc(doc or "").splitlines():
        if line.strip() == "Inputs:":
            inside = True
        elif inside and _SECTION_END.match(line):
            break
        elif inside and (match := _INPUT_LINE.match(line)) and line.startswith("    - "):
            optional = "optional" in (match.group("type") or "")
            params.append([match.group("name"), 0, "..."] if optional else [match.group("name"), 0])
    return params


def class_kind(cls: type) -> str:
    """cell, optimizer, primitive, tensor, parameter or class."""
    import mindspore
    from mindspore import nn
    from mindspore.ops import Primitive

    if issubclass(cls, (nn.Optimizer, mindspore.experimental.optim.Optimizer)):
        return "optimizer"
    if issubclass(cls, nn.Cell):
        return "cell"
    if issubclass(cls, Primitive):
        return "primitive"
    if issubclass(cls, mindspore.Parameter):
        return "parameter"
    if issubclass(cls, mindspore.Tensor):
        return "tensor"
    return "class"


def is_python_class(cls: type) -> bool:
    """A MindSpore class written in Python (C-implemented bases such as ``TensorPy`` or ``Cell_`` are folded
    into their first Python subclass: users never name them)."""
    return from_mindspore(cls) and not cls.__module__.startswith("mindspore._c_")


def own_member_names(cls: type) -> list[str]:
    """Public names ``cls`` defines, with those of the C-implemented MindSpore bases that follow it in the MRO."""
    names = set(vars(cls))
    for base in cls.__mro__[1:]:
        if is_python_class(base) or not from_mindspore(base):
            break
        names |= set(vars(base))
    return sorted(name for name in names if not name.startswith("_"))


def member_record(cls: type, name: str) -> dict[str, Any]:
    """``gen_signatures.describe_member``, with ``classmethod`` told apart from ``method``."""
    record = gen_signatures.describe_member(cls, name)
    if isinstance(inspect.getattr_static(cls, name), classmethod):
        record["t"] = "classmethod"
    return record


def first_defining(cls: type, name: str) -> str | None:
    """Qualified name of the first MRO class (not ``object``) that defines ``name``."""
    return next((qualified_name(base) for base in cls.__mro__ if base is not object and name in vars(base)), None)


def init_record(cls: type) -> dict[str, Any]:
    """``__init__`` signature (without self) as ``{s, o}``."""
    params = sigdoc.try_signature(cls.__init__, drop_self=True)
    return {"s": "inspect", "o": [params]} if params is not None else {"s": "none"}


def call_record(cls: type, kind: str) -> dict[str, Any] | None:
    """How an instance is called: ``construct`` for Cells; for Primitives their own ``__call__``, else
    ``infer_shape``/``__infer__`` parameter names, else the docstring's ``Inputs:``."""
    from mindspore.ops import Primitive

    if kind in ("cell", "optimizer"):
        params = sigdoc.try_signature(cls.construct, drop_self=True)
        return {"s": "construct", "o": [params]} if params is not None else {"s": "none"}
    if kind == "primitive":
        owner = next(base for base in cls.__mro__ if "__call__" in vars(base))
        if owner is not Primitive and owner.__module__.startswith("mindspore.ops"):
            params = sigdoc.try_signature(vars(owner)["__call__"], drop_self=True)
            if params is not None and not sigdoc.is_forwarding(params) and params != [["args", 2]]:
                return {"s": "__call__", "o": [params]}
        for method in ("infer_shape", "__infer__"):
            definer = next((base for base in cls.__mro__ if method in vars(base)), None)
            if definer is not None and definer.__module__ != "mindspore.ops.primitive":
                params = sigdoc.try_signature(vars(definer)[method], drop_self=True)
                if params and all(param[1] in (0, 1) for param in params):
                    names = [re.sub(r"_(shape|dtype)$", "", param[0]) for param in params]
                    return {"s": method, "o": [[[name, 0] for name in names]]}
        inputs = docstring_inputs(cls.__doc__)
        return {"s": "docstring-inputs", "o": [inputs]} if inputs else {"s": "none"}
    if "__call__" in vars(cls):
        params = sigdoc.try_signature(vars(cls)["__call__"], drop_self=True)
        return {"s": "__call__", "o": [params]} if params is not None else {"s": "none"}
    return None


def class_record(cls: type) -> dict[str, Any]:
    """Everything static about one class: kind, MRO, ``__init__``, call signature, own members, dynamic hooks."""
    kind = class_kind(cls)
    record: dict[str, Any] = {
        "kind": kind,
        "mro": [qualified_name(base) for base in cls.__mro__[1:] if is_python_class(base)],
        "init": init_record(cls),
        "members": {name: member_record(cls, name) for name in own_member_names(cls)},
    }
    call = call_record(cls, kind)
    if call is not None:
        record["call"] = call
    getattr_owner = first_defining(cls, "__getattr__")
    if getattr_owner is not None:
        record["getattr"] = getattr_owner
    init = record["init"].get("o", [[]])[0]
    if any(param[1] == 4 for param in init):
        record["init_kwargs"] = True
    return record


def callable_record(key: str, obj: Any) -> dict[str, Any]:
    """Signature of a function (``gen_signatures.describe_callable``) as ``{s, o}``."""
    record = gen_signatures.describe_callable(key, obj) or {"t": "function", "s": "none"}
    return {field: value for field, value in record.items() if field != "t"}


def iter_mro_classes(classes: list[type]) -> Iterator[type]:
    """The classes and every Python MindSpore class in their MROs (so inherited members are recorded once)."""
    for cls in classes:
        yield cls
        yield from (base for base in cls.__mro__[1:] if is_python_class(base))


def collect(modules: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any], dict[str, Any], Registry]:
    """(module records, class records, function records, registry) for the recorded modules."""
    registry = Registry()
    module_table = module_records(modules, registry)
    classes = [obj for obj in list(registry.objects.values()) if inspect.isclass(obj)]
    for cls in iter_mro_classes(classes):
        registry.add(cls, qualified_name(cls))
    class_table: dict[str, Any] = {}
    function_table: dict[str, Any] = {}
    for key, obj in sorted(registry.objects.items()):
        if inspect.isclass(obj):
            if from_mindspore(obj):
                class_table[key] = class_record(obj)
        elif from_mindspore(obj):
            function_table[key] = callable_record(key, obj)
    return module_table, class_table, function_table, registry
