"""Porting rules checked against MindSpore's own API surface (``mslint/knowledge/data/ms_surface.json``): names a
MindSpore module, class, instance or Tensor does not have, required arguments left out, a tensor passed where a Cell
or Primitive takes its configuration, and Tensor call forms GRAPH_MODE refuses. Unknown keywords, too many
positional arguments and rejected literal types are ``ms-unexpected-argument`` and ``ms-argument-type`` (``api``),
which read the same surface through ``call_binding``.

Certainty first: a receiver counts only when ``receivers.receiver`` knows it is MindSpore's, a name only when the
surface records its owner completely (no ``__getattr__`` serving more, no dynamic ``setattr``), and nothing is
reported about a name the project patches or guards (``hasattr``, ``try: ... except AttributeError``).
"""

from __future__ import annotations

import ast
import difflib
from dataclasses import dataclass

from astroid import nodes
from pylint.interfaces import HIGH, INFERENCE

from mslint.analysis import ast_queries, calls, names, values
from mslint.analysis.receivers import Callee, Receiver, callee, is_self, mindspore_bases, receiver
from mslint.core.edits import Applicability, Fix
from mslint.engine.context import ModuleContext, Span
from mslint.engine.rule import MS_API_DOCS, Rule
from mslint.knowledge.mappings import ApiMapping, load_torch_mapping
from mslint.knowledge.naming import canonical
from mslint.knowledge.surface import CELL, PARAMETER, TENSOR, Found, Missing, Surface, load_surface

# Exceptions a guard around a name catches (the code expects the name may be missing).
_GUARD_EXCEPTIONS = frozenset({"AttributeError", "ImportError", "ModuleNotFoundError", "Exception", "BaseException", "NameError"})
# Words in an ``if`` test that make the branch depend on what the installed MindSpore has.
_GUARD_WORDS = ("hasattr", "version", "getattr")


def _surface(ctx: ModuleContext) -> Surface | None:
    """The surface of the targeted MindSpore version, in a module that uses MindSpore (None: say nothing)."""
    if ctx.framework not in ("mindspore", "mixed"):
        return None
    return load_surface(ctx.settings.mindspore_version)


def _patched(ctx: ModuleContext, path: str) -> bool:
    return path in ctx.patched or canonical(path) in ctx.patched


def _guarded(node: nodes.NodeNG) -> bool:
    """Inside ``try`` whose handlers expect a missing name, or one of those handlers (the fallback for another
    version: ``except ImportError: from mindspore import ms_function``), or a branch on ``hasattr``/a version."""
    child = node
    for parent in node.node_ancestors():
        if isinstance(parent, nodes.Try) and child in parent.body and any(_expects_missing(handler) for handler in parent.handlers):
            return True
        if isinstance(parent, nodes.ExceptHandler) and child in parent.body and _expects_missing(parent):
            return True
        if isinstance(parent, (nodes.If, nodes.IfExp)) and child is not parent.test and any(word in parent.test.as_string() for word in _GUARD_WORDS):
            return True
        child = parent
    return False


def _expects_missing(handler: nodes.ExceptHandler) -> bool:
    caught = handler.type
    kinds = caught.elts if isinstance(caught, nodes.Tuple) else [caught]
    return caught is None or any(isinstance(kind, (nodes.Name, nodes.Attribute)) and kind.as_string().split(".")[-1] in _GUARD_EXCEPTIONS for kind in kinds)


# unknown names


@dataclass(frozen=True)
class _Unknown:
    """A name MindSpore does not have: how the code writes it, the exception, the names to suggest from."""

    written: str
    error: str
    candidates: frozenset[str]
    torch: ApiMapping | None
    parameters: frozenset[str] = frozenset()  # a Cell's Parameters, named when nothing closer is


def check_unknown_name(ctx: ModuleContext, node: nodes.NodeNG) -> None:
    surface = _surface(ctx)
    if surface is None or _guarded(node):
        return
    if isinstance(node, nodes.Attribute):
        found = _unknown_attribute(ctx, surface, node)
        name = node.attrname
        span = Span.attribute(node, ctx.source)
    else:
        found, name, span = _unknown_import(ctx, surface, node), "", None
    if found is None:
        return
    name = name or found.written.rsplit(".", 1)[-1]
    hint = _hint(name, found)
    ctx.report(UNKNOWN_MINDSPORE_NAME, node, (found.written, surface.version, found.error, hint), span=span)


def _hint(name: str, found: _Unknown) -> str:
    """``; did you mean 'x'?`` from the owner's names (only a spelling in another case when the name is PyTorch's),
    what the name is in PyTorch when it is one, else the Parameters a Cell holds."""
    parts = []
    lowered = {candidate.lower(): candidate for candidate in found.candidates}
    close = [lowered[name.lower()]] if name.lower() in lowered else []
    if not close and found.torch is None:
        close = difflib.get_close_matches(name, sorted(found.candidates), n=1, cutoff=0.8)
    if close:
        parts.append(f"did you mean '{close[0]}'?")
    elif found.parameters:
        parts.append(f"its Parameters are {', '.join(sorted(found.parameters))}")
    if found.torch is not None:
        entry = found.torch
        advice = f"use {entry.ms}" if entry.ms else "MindSpore has no equivalent"
        note = f" ({entry.note})" if entry.note and entry.kind != "exact" else ""
        parts.append(f"{entry.torch} is PyTorch's: {advice}{note}")
    return "".join(f"; {part}" for part in parts)


def _torch_entry(candidates: tuple[str, ...]) -> ApiMapping | None:
    mapping = load_torch_mapping()
    return next((mapping[name] for name in candidates if name in mapping), None)


def _unknown_import(ctx: ModuleContext, surface: Surface, node: nodes.Import | nodes.ImportFrom) -> _Unknown | None:
    """``import mindspore.a.b`` / ``from mindspore.a import b`` naming what MindSpore does not have."""
    if isinstance(node, nodes.Import):
        paths = [(name, "module") for name, _ in node.names]
    elif node.level or not names.is_mindspore_name(node.modname):
        return None
    else:
        paths = [(node.modname, "module")] + [(f"{node.modname}.{name}", "from") for name, _ in node.names if name != "*"]
    for path, how in paths:
        found = surface.resolve(path) if names.is_mindspore_name(path) else None
        if not isinstance(found, Missing) or _patched(ctx, path):
            continue
        if how == "from" and found.owner == node.modname:
            error = f"ImportError: cannot import name '{found.name}' from '{found.owner}'"
        else:
            error = f"ModuleNotFoundError: No module named '{found.owner}.{found.name}'"
        owner = Found(found.owner_kind, found.owner_key)
        return _Unknown(f"{found.owner}.{found.name}", error, surface.names_of(owner), _module_torch_entry(found))
    return None


def _module_torch_entry(missing: Missing) -> ApiMapping | None:
    """The PyTorch API a name missing from a MindSpore module is: same path under ``torch``, or a PyTorch functional."""
    path = f"{missing.owner_key}.{missing.name}".removeprefix("mindspore.")
    return _torch_entry((f"torch.{path}", f"torch.nn.functional.{missing.name}", f"torch.{missing.name}", f"torch.nn.{missing.name}"))


# A receiver written longer than this is shown as ``(...).name`` in a message.
_LONGEST_WRITTEN = 60


def _unknown_attribute(ctx: ModuleContext, surface: Surface, node: nodes.Attribute) -> _Unknown | None:
    name = node.attrname
    if name.startswith("_"):
        return None
    owner = receiver(node.expr)
    if owner is None:
        return None
    written = " ".join(ctx.text(node).split())
    if len(written) > _LONGEST_WRITTEN:
        written = f"(...).{name}"
    if owner.kind in ("module", "class") and owner.project is None:
        missing = surface.attribute(Found(owner.kind, owner.key), name)
        path = names.imported_path(node) or f"{owner.key}.{name}"
        if not isinstance(missing, Missing) or _patched(ctx, path) or _patched(ctx, f"{surface.public_path(owner.key)}.{name}"):
            return None
        if owner.kind == "module":
            error = f"AttributeError: module '{owner.key}' has no attribute '{name}'"
            return _Unknown(written, error, surface.names_of(Found("module", owner.key)), _module_torch_entry(missing))
        short = surface.public_path(owner.key).rsplit(".", 1)[-1]
        return _Unknown(written, f"AttributeError: type object '{short}' has no attribute '{name}'", surface.members(owner.key), None)
    if owner.kind not in ("instance", "super") or name in ctx.memo(_assigned_anywhere) or _left_to_cells(ctx, owner, node):
        return None
    known = _instance_names(ctx, surface, owner)
    if known is not None and not owner.exact:  # an annotated parameter: maybe a subclass (a Tensor: maybe a Parameter)
        known = known | (surface.instance_names(PARAMETER) or frozenset()) if owner.is_tensor else None
    if known is None or name in known or _patched(ctx, f"mindspore.Tensor.{name}" if owner.is_tensor else f"mindspore.nn.Cell.{name}"):
        return None
    kind = surface.class_kind(owner.key)
    if owner.kind == "super":
        error = f"AttributeError: 'super' object has no attribute '{name}'"
    elif owner.is_tensor:
        error = f"AttributeError: '{'Parameter' if owner.key == PARAMETER else 'Tensor'}' object has no attribute '{name}'"
    else:
        shown = owner.project.name if owner.project is not None else surface.public_path(owner.key).rsplit(".", 1)[-1]
        error = f"AttributeError: The '{shown}' object has no attribute '{name}'" if kind in ("cell", "optimizer") else f"AttributeError: '{shown}' object has no attribute '{name}'"
    torch_owners = {"tensor": "torch.Tensor", "parameter": "torch.Tensor", "cell": "torch.nn.Module", "optimizer": "torch.optim.Optimizer"}
    torch = _torch_entry((f"{torch_owners[kind]}.{name}",)) if kind in torch_owners else None
    parameters = surface.instance_parameters(owner.key) if kind == "cell" and owner.kind == "instance" else frozenset()
    return _Unknown(written, error, known, torch, parameters)


def _instance_names(ctx: ModuleContext, surface: Surface, owner: Receiver) -> frozenset[str] | None:
    """Every name an instance (or ``super()``) may have: the surface's for its MindSpore classes, and the project
    hierarchy's methods, class attributes and assignments; None when that is not certain."""
    if owner.project is None:
        return surface.members(owner.key) if owner.kind == "super" else surface.instance_names(owner.key)
    keys, complete = mindspore_bases(owner.project, surface)
    hierarchy, _, _ = names.ancestors(owner.project)
    if not complete or not keys:
        return None
    found: set[str] = set()
    for key in keys:
        known = surface.members(key) if owner.kind == "super" else surface.instance_names(key)
        if known is None:
            return None
        found |= known
    classes = hierarchy[1:] if owner.kind == "super" else hierarchy
    for cls in classes:
        if {"__getattr__", "__getattribute__"} & set(cls.locals):
            return None
        dynamic = ast_queries.dynamic_attribute_names(cls)
        if dynamic is None:
            return None
        found |= set(cls.locals) | dynamic | (set() if owner.kind == "super" else set(cls.instance_attrs))
    return frozenset(found)


def _left_to_cells(ctx: ModuleContext, owner: Receiver, node: nodes.Attribute) -> bool:
    """``self.<name>`` in a class ``ms-unknown-self-attribute`` judges (its only MindSpore base is ``nn.Cell``), or in
    a base class its module subclasses (whose methods may read what the subclasses assign)."""
    if owner.project is None or not (isinstance(node.expr, nodes.Name) and is_self(node.expr)):
        return False
    keys, _ = mindspore_bases(owner.project)
    subclassed = any(
        isinstance(base, nodes.Name) and base.name == owner.project.name
        for other in ast_queries.descendants(ctx.module, nodes.ClassDef)
        for base in other.bases
    )
    return keys == {CELL} or subclassed


def _assigned_anywhere(ctx: ModuleContext) -> frozenset[str]:
    """Attribute names the module gives any object: ``obj.name = ...``, ``setattr(obj, "name", ...)``,
    ``cell.insert_child_to_cell("name", ...)`` and the other calls that register a named attribute."""
    found = {target.attrname for target in ast_queries.descendants(ctx.module, nodes.AssignAttr)}
    for call in ast_queries.descendants(ctx.module, nodes.Call):
        func = call.func
        called = func.name if isinstance(func, nodes.Name) else func.attrname if isinstance(func, nodes.Attribute) else None
        if called not in ast_queries.DYNAMIC_ATTRIBUTE_CALLS:
            continue
        named = call.args[1] if called == "setattr" and len(call.args) > 1 else call.args[0] if call.args else None
        if isinstance(named, nodes.Const):
            found.add(str(named.value))
    return frozenset(found)


UNKNOWN_MINDSPORE_NAME = Rule(
    symbol="ms-unknown-mindspore-name",
    node=(nodes.Attribute, nodes.Import, nodes.ImportFrom),
    check=check_unknown_name,
    message="%s does not exist in MindSpore %s (%s)%s",
    summary="A name a MindSpore module, class, Cell, optimizer or Tensor does not have in the targeted version.",
    what=(
        "Checks every attribute and import on a receiver known to be MindSpore's against MindSpore's own API "
        "surface (`ms_surface.json`, generated from the installed MindSpore): modules (`F.normalize` after `from "
        "mindspore.ops import functional as F`, `nn.ResizeBilinear`, `import mindspore.dataset.vision.py_transforms`), "
        "classes, instances of MindSpore classes (`self.weight` in a subclass of `nn.BatchNorm2d`, `self.head.<x>` "
        "after `self.head = nn.Dense(...)`, `super().reset_parameters()`) and Tensors (`initializer(...).to_tensor()`). "
        "An instance's names are the class's members, what building one registers (parameters, sub-cells) and what its "
        "methods assign, plus what the project's classes define. The message suggests the closest name and says what "
        "the name is in PyTorch when it is a PyTorch API. Silent on names the project patches onto MindSpore, assigns "
        "on objects, or guards (`hasattr`, `try: ... except AttributeError/ImportError`), on receivers whose class "
        "serves more names through `__getattr__` (Primitive attributes), and for a MindSpore version the surface does "
        "not record. PyTorch names with a MindSpore equivalent on the same path are `ms-torch-name-on-mindspore`; "
        "PyTorch's training-loop and device methods have their own rules."
    ),
    why=(
        "The line raises when it runs: `AttributeError: module 'mindspore.ops.functional' has no attribute "
        "'normalize'`, `The 'BN' object has no attribute 'weight'` (MindSpore's BatchNorm holds `gamma` and "
        "`beta`), `ModuleNotFoundError` for modules removed in 2.0 (`py_transforms`, `c_transforms`)."
    ),
    oracle_detail="AttributeError",
    references=(f"{MS_API_DOCS}/mindspore.html", f"{MS_API_DOCS}/mindspore.nn.html"),
)


# binding a call against the surface


@dataclass(frozen=True)
class CallBinding:
    """A call of a MindSpore callable and how its arguments fail to bind (``mismatch`` None: they bind)."""

    callee: Callee
    mismatch: calls.Mismatch | None
    var_keyword: bool  # an overload takes ``**kwargs``
    qualname: str  # the public name the knowledge base knows it by (``mindspore.ops.cat``, ``mindspore.Tensor.sum``)

    @property
    def overloads(self) -> tuple:
        return self.callee.signature.overloads


def call_binding(ctx: ModuleContext, call: nodes.Call) -> CallBinding | None:
    """The binding of a call whose MindSpore callee and signature are certain (memoize with ``ctx.memo``): not in
    compat-layer files, nor for APIs the project patches."""
    surface = _surface(ctx)
    found = callee(call, surface) if surface is not None else None
    if found is None:
        return None
    if found.role == "method":
        qualname = f"mindspore.Tensor.{found.method}" if found.key == TENSOR else f"{canonical(surface.public_path(found.key))}.{found.method}"
    else:
        qualname = canonical(surface.public_path(found.key))
    if _patched(ctx, qualname) or (found.role == "method" and _patched(ctx, f"mindspore.nn.Cell.{found.method}")):
        return None
    var_keyword = any(calls.has_var_keyword(overload) for overload in found.signature.overloads)
    return CallBinding(found, calls.mismatch(call, found.signature.overloads, found.offset), var_keyword, qualname)


# missing arguments


def check_missing_argument(ctx: ModuleContext, call: nodes.Call) -> None:
    binding = ctx.memo(call_binding, call)
    if binding is None or binding.mismatch is None or not binding.mismatch.missing or ctx.memo(configuration_swap, call):
        return
    missing = binding.mismatch.missing
    listed = ", ".join(f"'{name}'" for name in missing)
    ctx.report(MISSING_ARGUMENT, call, (binding.callee.name, "argument" if len(missing) == 1 else "arguments", listed))


MISSING_ARGUMENT = Rule(
    symbol="ms-missing-argument",
    node=nodes.Call,
    check=check_missing_argument,
    message="%s() is called without the required %s %s (TypeError in MindSpore)",
    summary="A call of a MindSpore API that leaves out a required argument.",
    what=(
        "Checks calls of MindSpore classes, functions, Cell and Primitive instances and methods of MindSpore objects "
        "(receivers as in `ms-unknown-mindspore-name`) whose only signature, from MindSpore's own API surface, has a "
        "required parameter the call does not fill (`nn.Dense(64)`, `self.conv.construct()`). Calls passing "
        "`*args` or `**kwargs` are not judged."
    ),
    why="MindSpore raises `TypeError: __init__() missing 1 required positional argument: 'out_channels'` when the line runs.",
    oracle_detail="TypeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Dense.html",),
)


# configuration and tensors swapped


@dataclass(frozen=True)
class _Swap:
    callee: Callee
    kind: str  # "Primitive" or "Cell"
    evidence: str
    fix: str | None  # the call written as build-then-call, when the arguments split cleanly


def configuration_swap(ctx: ModuleContext, call: nodes.Call) -> _Swap | None:
    """A Cell or Primitive class called like a function: its tensor inputs given to the constructor."""
    binding = ctx.memo(call_binding, call)
    surface = _surface(ctx)
    if binding is None or surface is None or binding.callee.role != "init":
        return None
    key = binding.callee.key
    kind = surface.class_kind(key)
    if kind not in ("cell", "primitive") or any(isinstance(arg, nodes.Starred) for arg in call.args):
        return None
    params = binding.overloads[0]
    positional = calls.positional_names(params)
    takes_more = any(p.kind == "var-positional" for p in params)
    shown = "Primitive" if kind == "primitive" else "Cell"
    evidence = None
    if call.args and not positional and not takes_more:
        evidence = f"its constructor takes no positional argument, {len(call.args)} given"
    elif binding.mismatch is not None and binding.mismatch.duplicate:
        evidence = f"the positional argument fills '{binding.mismatch.duplicate[0].arg}', which the call also passes by keyword"
    else:
        sample = surface.tensor_first_arg["samples"].get(surface.public_path(key), {}).get("construct", "ok")
        for index, (argument, parameter) in enumerate(zip(call.args, positional)):
            found = receiver(argument)
            if found is None or not found.is_tensor:
                continue
            accepted = surface.accepted_types(key, parameter)
            if accepted is not None and "Tensor" not in accepted:
                evidence = f"'{parameter}' takes {' or '.join(accepted)}, the call passes a Tensor"
            elif index == 0 and sample != "ok":
                evidence = f"a Tensor as '{parameter}' raises {sample.split(':', 1)[0]}"
            if evidence is not None:
                break
    if evidence is None:
        return None
    return _Swap(binding.callee, shown, evidence, _build_then_call(ctx, surface, call, key))


def _build_then_call(ctx: ModuleContext, surface: Surface, call: nodes.Call, key: str) -> str | None:
    """``ops.Concat(axis=1)(t)`` for ``ops.Concat(t, axis=1)``: the keywords build the instance and the positional
    arguments call it, when both signatures take them."""
    inputs, init = surface.call_signature(key), surface.init_signature(key)
    keywords = call.keywords or []
    if inputs is None or not inputs.exact or init is None or any(kw.arg is None for kw in keywords):
        return None
    if not calls.binds(init.overloads, 0, [kw.arg for kw in keywords]) or not calls.binds(inputs.overloads, len(call.args), []):
        return None
    built = ", ".join(ctx.text(kw) for kw in keywords)
    return f"{ctx.text(call.func)}({built})({', '.join(ctx.text(arg) for arg in call.args)})"


def check_configuration_swap(ctx: ModuleContext, call: nodes.Call) -> None:
    found = ctx.memo(configuration_swap, call)
    if found is None:
        return
    fix = Fix(f"Use {found.fix}", (ctx.edit.replace(call, found.fix),)) if found.fix else None
    advice = f"use {found.fix}" if found.fix else "build it with its configuration, then call the instance with the tensors"
    ctx.report(TENSOR_AS_CONFIGURATION, call, (found.callee.name, found.kind, found.evidence, advice), fix)


TENSOR_AS_CONFIGURATION = Rule(
    symbol="ms-tensor-as-configuration",
    node=nodes.Call,
    check=check_configuration_swap,
    message="%s is a %s class called like a function (%s): %s",
    summary="A Cell or Primitive class given its tensor inputs where its configuration goes (ops.Tanh(x)).",
    what=(
        "Checks calls of MindSpore Cell and Primitive classes that pass the inputs of the computation to the "
        "constructor: a constructor that takes no positional argument given some (`ops.Tanh(x)`, `nn.ReLU(x)`), a "
        "positional argument that fills a parameter the call also passes by keyword (`ops.Concat(t, axis=1)`), or a "
        "Tensor bound to a parameter MindSpore's validator types without Tensor (`nn.AdaptiveAvgPool2d(x)`). The "
        "evidence that a Tensor raises in these places is the surface's `tensor_first_arg` sample, run on 2.10."
    ),
    why=(
        "A Cell or Primitive takes its configuration when built and its tensors when called: `ops.Tanh(x)` raises "
        "`TypeError: too many positional arguments`, `nn.AdaptiveAvgPool2d(x)` raises `TypeError: ... 'output_size' "
        "should be one of ['int', 'tuple']`. The functional form is `ops.Tanh()(x)` or `ops.tanh(x)`."
    ),
    fix=Applicability.SAFE,
    fix_safety="Builds the instance with the call's keywords and calls it with the positional arguments (`ops.Concat(axis=1)(t)`), when both signatures take them; the call raised before.",
    oracle_detail="TypeError",
    references=(f"{MS_API_DOCS}/ops/mindspore.ops.Tanh.html", f"{MS_API_DOCS}/ops/mindspore.ops.Concat.html"),
)


# Tensor call forms GRAPH_MODE refuses


@dataclass(frozen=True)
class _Form:
    """The shape of a call: each positional argument's kind, then each keyword's name and value kind."""

    positional: tuple[str | None, ...]
    keywords: tuple[tuple[str, str | None], ...]


_DTYPE_NAMES = frozenset({"float16", "float32", "float64", "bfloat16", "int8", "int16", "int32", "int64", "uint8", "bool_", "complex64", "complex128"})
# Forms whose failure depends on the sample tensor's rank (diag on 3-D), not on the call's shape.
_RANK_DEPENDENT = frozenset({"diag"})
# transpose(a, b) pairs that are the one permutation of a 2-D tensor: right in GRAPH_MODE for a 2-D tensor only.
_TWO_D_SWAPS = frozenset({(1, 0), (-1, -2), (-1, 0), (1, -2)})


def _form_kind(node: ast.expr) -> str | None:
    """The kind of a recorded form's argument: a sample tensor, a dtype, a number, a tuple."""
    if isinstance(node, ast.Name):
        return "tensor" if node.id in ("x", "y", "m", "i") else None
    if isinstance(node, ast.Attribute):
        return "dtype" if node.attr in _DTYPE_NAMES else None
    if isinstance(node, ast.UnaryOp):
        return _form_kind(node.operand)
    if isinstance(node, ast.Constant):
        return "number" if isinstance(node.value, (int, float)) and not isinstance(node.value, bool) else None
    return "tuple" if isinstance(node, (ast.Tuple, ast.List)) else None


def _recorded_form(form: str) -> _Form:
    parsed = ast.parse(form, mode="eval").body
    assert isinstance(parsed, ast.Call)
    return _Form(tuple(_form_kind(arg) for arg in parsed.args), tuple((kw.arg or "", _form_kind(kw.value)) for kw in parsed.keywords))


def _argument_kind(node: nodes.NodeNG) -> str | None:
    """The same kinds for a call's argument: only when certain (a literal, a Tensor receiver, a MindSpore dtype)."""
    if values.literal_number(node) is not None:
        return "number"
    if isinstance(node, (nodes.Tuple, nodes.List)):
        return "tuple"
    path = names.qualified_name(node)
    if names.is_mindspore_name(path) and path.rsplit(".", 1)[-1] in _DTYPE_NAMES:
        return "dtype"
    found = receiver(node)
    return "tensor" if found is not None and found.is_tensor else None


def _call_form(call: nodes.Call) -> _Form | None:
    if any(isinstance(arg, nodes.Starred) for arg in call.args) or any(kw.arg is None for kw in call.keywords or ()):
        return None
    return _Form(tuple(_argument_kind(arg) for arg in call.args), tuple((kw.arg, _argument_kind(kw.value)) for kw in call.keywords or ()))


def _graph_levels(ctx: ModuleContext, node: nodes.NodeNG) -> set[str]:
    """The jit_syntax_levels the graph functions enclosing ``node`` are compiled at."""
    levels: set[str] = set()
    scope = node.frame()
    while isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
        if scope in ctx.graphs:
            levels |= ctx.graphs[scope].levels
        scope = scope.parent.frame() if scope.parent else None
    return levels


@dataclass(frozen=True)
class _Narrower:
    form: str  # the recorded form
    error: str  # what GRAPH_MODE raised
    cause: str
    alternative: str | None  # a recorded form of the same call GRAPH_MODE runs


def _narrower(surface: Surface, method: str, form: _Form, levels: set[str], target: str) -> _Narrower | None:
    """The recorded form a call has, when GRAPH_MODE rejects it at one of ``levels`` (on ``target``)."""
    if method in _RANK_DEPENDENT:
        return None
    recorded = surface.graph_forms_of(method)
    for text, fact in surface.narrower_forms(method):
        failing = {level.removeprefix("graph_") for level in fact["levels"]}
        applies = levels & failing or ("compatible" in levels and failing == {"lax", "strict"})
        if not applies or (fact["cause"] == "cpu-kernel" and target != "cpu") or _recorded_form(text) != form:
            continue
        error = recorded[text][fact["levels"][0]].split(":", 1)[0]
        positional = _Form(form.positional + tuple(kind for _, kind in form.keywords), ())
        alternative = next(
            (other for other, got in recorded.items()
             if form.keywords and got.get("graph_lax") == got.get("graph_strict") == "ok" and _recorded_form(other) == positional),
            None,
        )
        return _Narrower(text, error, fact["cause"], alternative)
    return None


def check_graph_form(ctx: ModuleContext, call: nodes.Call) -> None:
    surface = _surface(ctx)
    if surface is None or not isinstance(call.func, nodes.Attribute) or not ctx.in_graph_code(call):
        return
    binding = ctx.memo(call_binding, call)
    if binding is None or binding.callee.role != "method" or binding.callee.key != TENSOR:
        return
    method, form = binding.callee.method, _call_form(call)
    found = _narrower(surface, method, form, _graph_levels(ctx, call), ctx.settings.target) if form is not None else None
    if found is None:
        return
    confidence, fix, advice = HIGH, None, ""
    if method == "transpose":
        pair = tuple(values.literal_number(arg) for arg in call.args)
        confidence = INFERENCE if pair in _TWO_D_SWAPS else HIGH
        replacement = f"swapaxes({', '.join(ctx.text(arg) for arg in call.args)})"
        fix = Fix(f"Use .{replacement}", (ctx.edit.replace_from_name(call, replacement),))
        advice = f": GRAPH_MODE reads transpose(a, b) as the permutation of a 2-D tensor; use .{replacement}, which swaps in both modes"
    elif found.alternative is not None and len(call.keywords or ()) == 1 and not call.args:
        keyword = call.keywords[0]
        fix = Fix(f"Pass {keyword.arg} positionally", (ctx.edit.replace(keyword, ctx.text(keyword.value)),))
        advice = f": pass {keyword.arg} positionally, which GRAPH_MODE runs ({found.alternative})"
    where = " on CPU" if found.cause == "cpu-kernel" else ""
    ctx.report(GRAPH_TENSOR_FORM, call, (f"Tensor.{method}", found.form, where, found.error, advice), fix, confidence=confidence)


GRAPH_TENSOR_FORM = Rule(
    symbol="ms-tensor-form-in-graph",
    node=nodes.Call,
    check=check_graph_form,
    message="%s in graph code: the form %s runs in PyNative but GRAPH_MODE%s rejects it (%s)%s",
    summary="A Tensor method call form PyNative accepts and GRAPH_MODE refuses (x.transpose(-1, -2) in construct).",
    what=(
        "Checks calls of Tensor methods (receivers as in `ms-unknown-mindspore-name`) inside graph code (`construct` "
        "under GRAPH_MODE, `@jit` functions and what they call) against the surface's `graph_narrower` forms: call "
        "forms that MindSpore 2.10 runs in PyNative and rejects when compiling, each observed by returning it from a "
        "`construct` at jit_syntax_level LAX and STRICT. A call matches a form when its arguments have the same "
        "kinds (number, tuple, dtype, Tensor) and keywords. Forms that fail because graph compilation on CPU picks "
        "an operator without a CPU kernel are reported only when the target is CPU. `transpose(a, b)` with the "
        "2-D swap `(-1, -2)` or `(1, 0)` is right for a 2-D tensor and reported at INFERENCE confidence."
    ),
    why=(
        "PyNative dispatches `x.transpose(-1, -2)` to PyTorch's two-dimension swap; GRAPH_MODE compiles the older "
        "`transpose(*axes)` and raises `ValueError: ... the number of axes must be equal to the dimension of Tensor` "
        "(for a 2-D tensor, `transpose(0, 1)` silently keeps it unchanged). The code passes every PyNative test and "
        "fails once `set_context(mode=GRAPH_MODE)` is on."
    ),
    fix=Applicability.SAFE,
    fix_safety="`transpose(a, b)` becomes `swapaxes(a, b)` (the PyNative meaning, run in both modes); a keyword GRAPH_MODE refuses is passed positionally when the surface records that form running in GRAPH_MODE.",
    oracle_detail="ValueError",
    references=(f"{MS_API_DOCS}/mindspore/Tensor/mindspore.Tensor.transpose.html", f"{MS_API_DOCS}/mindspore/Tensor/mindspore.Tensor.swapaxes.html"),
)
