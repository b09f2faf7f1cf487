"""The usage limits MSAdapter's overview page documents, in code the layer serves: ``Tensor.backward()``,
``.to(device)``, ``DataLoader(pin_memory=True)``, complex dtypes, ``torch.randint(..., size=...)``, dynamic profiling."""

from __future__ import annotations

import re

import astroid
from astroid import nodes
from pylint.interfaces import HIGH, INFERENCE

from mslint.analysis import ast_queries, names
from mslint.analysis.inference import only_inferred
from mslint.engine.context import ModuleContext
from mslint.engine.rule import Oracle, Rule
from mslint.knowledge.mindtorch import torch_name
from mslint.rules.mindtorch.layer import callee, layer_api, reference, support
from mslint.rules.mindtorch.support import ORACLE, TABLE_PAGES

COMPLEX_DTYPES = {"torch.complex64": "complex64", "torch.complex128": "complex128", "torch.cfloat": "complex64", "torch.cdouble": "complex128"}
_DEVICE_STRING = re.compile(r"(cuda|cpu|npu|mps|xpu|meta)(:\d+)?$")


def _limit(constraint_id: str) -> str:
    constraint = support().constraints[constraint_id]
    error = f" ({constraint.error})" if constraint.error else ""
    return f"{constraint.summary.rstrip('.')}{error}"


def _report(ctx: ModuleContext, node: nodes.NodeNG, what: str, constraint_id: str, confidence=HIGH) -> None:
    ctx.report(CONSTRAINT, node, (what, _limit(constraint_id)), confidence=confidence)


def _is_module_class(cls: nodes.ClassDef) -> bool:
    _, bases, _ = names.ancestors(cls)
    return any((torch_name(base) or base).startswith("torch.nn.") for base in bases)


def _is_module(receiver: nodes.NodeNG) -> bool:
    """``self`` in a torch Module class, or a name built by calling one: a Module, whose ``to(device)`` the usage
    limit does not concern."""
    if isinstance(receiver, nodes.Name) and receiver.name == "self":
        cls = names.enclosing_class(receiver)
        return cls is not None and _is_module_class(cls)
    value = only_inferred(receiver) if isinstance(receiver, (nodes.Name, nodes.Attribute)) else None
    return isinstance(value, astroid.Instance) and isinstance(value._proxied, nodes.ClassDef) and _is_module_class(value._proxied)  # pylint: disable=protected-access


def _is_device(ctx: ModuleContext, value: nodes.NodeNG | None) -> bool:
    """A device: ``"cuda"``, ``"cuda:0"``, ``torch.device(...)`` or a name spelled ``device``."""
    if isinstance(value, nodes.Const):
        return isinstance(value.value, str) and bool(_DEVICE_STRING.match(value.value))
    if isinstance(value, nodes.Call):
        return layer_api(ctx, value.func) == "torch.device"
    spelled = value.attrname if isinstance(value, nodes.Attribute) else value.name if isinstance(value, nodes.Name) else ""
    return "device" in spelled.lower()


def check_constraint(ctx: ModuleContext, node: nodes.Call | nodes.With | nodes.Name | nodes.Attribute) -> None:
    if ctx.framework != "compat":
        return
    if isinstance(node, nodes.Call):
        _check_call(ctx, node)
    elif isinstance(node, nodes.With):
        _check_profiling(ctx, node)
    else:
        _check_complex_dtype(ctx, node)


def _check_call(ctx: ModuleContext, call: nodes.Call) -> None:
    func = call.func
    if isinstance(func, nodes.Attribute) and names.qualified_name(func) is None:
        receiver = func.expr
        if func.attrname == "backward" and not (isinstance(receiver, nodes.Name) and receiver.name in ("self", "cls")):
            _report(ctx, call, ctx.text(call), "no-tensor-backward")
        elif func.attrname == "to" and _is_device(ctx, ast_queries.argument(call, "device", 0)) and not _is_module(receiver):
            _report(ctx, call, ctx.text(call), "no-to-device", INFERENCE)
        return
    found = callee(ctx, call)
    name = found[0] if found else None
    if name == "torch.utils.data.DataLoader":
        pinned = ast_queries.keyword(call, "pin_memory")
        if pinned is not None and isinstance(pinned.value, nodes.Const) and pinned.value.value is True:
            _report(ctx, pinned, "DataLoader(..., pin_memory=True)", "dataloader-pin-memory")
    elif name == "torch.randint" and ast_queries.keyword(call, "size") is not None:
        _report(ctx, ast_queries.keyword(call, "size"), "torch.randint(..., size=...)", "official-call-forms-only")


def _check_complex_dtype(ctx: ModuleContext, node: nodes.Name | nodes.Attribute) -> None:
    found = reference(ctx, node)
    if found is not None and found[0] in COMPLEX_DTYPES:
        _report(ctx, node, found[0] if found[0].endswith(COMPLEX_DTYPES[found[0]]) else f"{found[0]} ({COMPLEX_DTYPES[found[0]]})", "no-complex")


def _check_profiling(ctx: ModuleContext, statement: nodes.With) -> None:
    for context, _ in statement.items:
        if isinstance(context, nodes.Call) and (callee(ctx, context) or ("",))[0] == "torch.profiler.profile":
            _report(ctx, context, "with torch.profiler.profile(...)", "no-dynamic-profiling")


CONSTRAINT = Rule(
    symbol="ms-mindtorch-constraint",
    node=(nodes.Call, nodes.With, nodes.Name, nodes.Attribute),
    check=check_constraint,
    message="%s is not supported by MindTorch: %s",
    summary="A usage MindTorch (MSAdapter) documents as unsupported: Tensor.backward(), .to(device), pin_memory=True, complex dtypes ...",
    what=(
        "Checks files the torch layer serves for the usage limits of MSAdapter's overview page: `loss.backward()` "
        "(`ValueError: not support Tensor.backward yet.`), `x.to(device)` with a device string, `torch.device(...)` or a "
        "name spelled `device` (not on a Module: `self` in an `nn.Module` subclass or an instance of one), "
        "`DataLoader(..., pin_memory=True)`, the complex dtypes `torch.complex64`/`complex128` (`cfloat`, `cdouble`), "
        "`torch.randint(low, high, size=...)` (only PyTorch's documented call forms work) and `with "
        "torch.profiler.profile(...)` (dynamic profiling). `out=` (not resized, no gradient) and `torch.load` of a "
        "MindSpore checkpoint cannot be seen in the code and are not checked."
    ),
    why=(
        "Each fails when the code runs through the layer, with the error the page documents; training loops need the "
        "most change: gradients come from a function transform, not from `backward()`."
    ),
    oracle=Oracle.NONE,
    oracle_detail=ORACLE,
    references=TABLE_PAGES[:1],
)
