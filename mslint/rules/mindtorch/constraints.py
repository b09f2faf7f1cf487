"""The usage limits MSAdapter's overview page documents, in code the layer serves: ``Tensor.backward()``,
``.to(device)``, ``DataLoader(pin_memory=True)``, complex dtypes, ``torch.randint(..., size=...)``, dynamic profiling."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import astroid
from astroid import nodes
from pylint.interfaces import HIGH, INFERENCE, Confidence

from mslint.analysis import ast_queries, names
from mslint.analysis.inference import only_inferred
from mslint.engine.context import ModuleContext
from mslint.engine.rule import Oracle, Rule
from mslint.knowledge.mindtorch import torch_name
from mslint.rules.mindtorch.layer import layer_api, support
from mslint.rules.mindtorch.support import ORACLE, TABLE_PAGES

COMPLEX_DTYPES = {"torch.complex64": "complex64", "torch.complex128": "complex128", "torch.cfloat": "complex64", "torch.cdouble": "complex128"}
_DEVICE_STRING = re.compile(r"(cuda|cpu|npu|mps|xpu|meta)(:\d+)?$")
Api = Callable[[nodes.NodeNG], "str | None"]


@dataclass(frozen=True)
class Limit:
    """A usage the overview's limits name: where (the node to report), the code, the limit's id and how sure."""

    node: nodes.NodeNG
    code: str
    constraint: str
    confidence: Confidence = HIGH


def limit_text(constraint_id: str) -> str:
    """The limit's summary and the error the page documents."""
    constraint = support().constraints[constraint_id]
    error = f" ({constraint.error})" if constraint.error else ""
    return f"{constraint.summary.rstrip('.')}{error}"


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


def _is_device(api: Api, value: nodes.NodeNG | None) -> bool:
    """A device: ``"cuda"``, ``"cuda:0"``, ``torch.device(...)`` or a name spelled ``device``."""
    if isinstance(value, nodes.Const):
        return isinstance(value.value, str) and bool(_DEVICE_STRING.match(value.value))
    if isinstance(value, nodes.Call):
        return api(value.func) == "torch.device"
    spelled = value.attrname if isinstance(value, nodes.Attribute) else value.name if isinstance(value, nodes.Name) else ""
    return "device" in spelled.lower()


def usage_limit(node: nodes.NodeNG, api: Api) -> Limit | None:
    """The usage limit a node runs into, given ``api``: the PyTorch name an expression reaches through the layer (the
    rule's is ``layer.layer_api``; ``mslint readiness`` asks what the MindTorch route would meet)."""
    if isinstance(node, nodes.Call):
        return _call_limit(node, api)
    if isinstance(node, nodes.With):
        return next((Limit(context, "with torch.profiler.profile(...)", "no-dynamic-profiling") for context, _ in node.items
                     if isinstance(context, nodes.Call) and api(context.func) == "torch.profiler.profile"), None)
    if isinstance(node, (nodes.Name, nodes.Attribute)) and not (isinstance(node.parent, nodes.Attribute) and node.parent.expr is node):
        name = api(node)
        if name in COMPLEX_DTYPES:
            return Limit(node, name if name.endswith(COMPLEX_DTYPES[name]) else f"{name} ({COMPLEX_DTYPES[name]})", "no-complex")
    return None


def _call_limit(call: nodes.Call, api: Api) -> Limit | None:
    func = call.func
    if isinstance(func, nodes.Attribute) and names.qualified_name(func) is None:
        receiver = func.expr
        if func.attrname == "backward" and not (isinstance(receiver, nodes.Name) and receiver.name in ("self", "cls")):
            return Limit(call, call.as_string(), "no-tensor-backward")
        if func.attrname == "to" and _is_device(api, ast_queries.argument(call, "device", 0)) and not _is_module(receiver):
            return Limit(call, call.as_string(), "no-to-device", INFERENCE)
        return None
    name = api(func)
    if name == "torch.utils.data.DataLoader":
        pinned = ast_queries.keyword(call, "pin_memory")
        if pinned is not None and isinstance(pinned.value, nodes.Const) and pinned.value.value is True:
            return Limit(pinned, "DataLoader(..., pin_memory=True)", "dataloader-pin-memory")
    elif name == "torch.randint" and ast_queries.keyword(call, "size") is not None:
        return Limit(ast_queries.keyword(call, "size"), "torch.randint(..., size=...)", "official-call-forms-only")
    return None


def check_constraint(ctx: ModuleContext, node: nodes.Call | nodes.With | nodes.Name | nodes.Attribute) -> None:
    if ctx.framework != "compat":
        return
    found = usage_limit(node, lambda expression: layer_api(ctx, expression))
    if found is not None:
        ctx.report(CONSTRAINT, found.node, (found.code, limit_text(found.constraint)), confidence=found.confidence)


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
