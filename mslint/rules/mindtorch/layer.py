"""What the MindTorch rules share: the PyTorch API an expression reaches through a torch layer, and its entry in
MSAdapter's support tables."""

from __future__ import annotations

from astroid import nodes

from mslint.analysis import names
from mslint.engine.context import ModuleContext
from mslint.knowledge.mindtorch import (
    LayerEntry,
    LayerSupport,
    load_layer_support,
    torch_name,
)


def _layer_api(ctx: ModuleContext, node: nodes.NodeNG) -> str | None:
    qualname = names.qualified_name(node)
    found = torch_name(qualname)
    if found is None and ctx.route.torch_is_layer and names.is_torch_name(qualname):
        return qualname
    return found


def layer_api(ctx: ModuleContext, node: nodes.NodeNG) -> str | None:
    """The PyTorch name (``torch.nn.Linear``) an expression reaches through the layer: a layer name
    (``msadapter.pytorch.nn.Linear``), or a torch name where the project routes ``import torch`` to the layer; None
    in a file the layer does not serve."""
    return ctx.memo(_layer_api, node) if ctx.framework == "compat" else None


def callee(ctx: ModuleContext, call: nodes.Call) -> tuple[str, LayerEntry | None] | None:
    """(PyTorch name, table entry) of the API a call reaches through the layer."""
    name = layer_api(ctx, call.func)
    return (name, support().lookup(name)) if name is not None else None


def reference(ctx: ModuleContext, node: nodes.Name | nodes.Attribute) -> tuple[str, LayerEntry | None] | None:
    """(PyTorch name, table entry) of a whole dotted reference (``F.gelu``, not its ``F``) through the layer."""
    if isinstance(node.parent, nodes.Attribute) and node.parent.expr is node:
        return None
    name = layer_api(ctx, node)
    return (name, support().lookup(name)) if name is not None else None


def support() -> LayerSupport:
    return load_layer_support()


def source(entry: LayerEntry) -> str:
    """Where the tables say it, short: ``MSAdapter's torch.nn page, Convolution Layers``."""
    page = entry.source.rsplit("pytorch_api_supporting_", 1)[-1].removesuffix(".html")
    title = {"torch_nn": "torch.nn", "nn_functional": "torch.nn.functional", "tensor": "torch.Tensor", "optim": "torch.optim"}.get(page, page)
    return f"MSAdapter's {title} page, {entry.section}" if entry.section else f"MSAdapter's {title} page"


def describe(entry: LayerEntry) -> str:
    """The constraint cell in English, from what the generator read in it (arguments, defaults, data types)."""
    parts = []
    if entry.unsupported_args:
        parts.append(f"not supported: {', '.join(entry.unsupported_args)}")
    if entry.ignored_args:
        parts.append(f"accepted without effect: {', '.join(entry.ignored_args)}")
    for argument, torch_default, layer_default in entry.defaults_diff:
        parts.append(f"{argument} defaults to {layer_default} (PyTorch: {'required' if torch_default is None else torch_default})")
    if entry.dtypes:
        parts.append(f"data types {', '.join(entry.dtypes)}")
    return "; ".join(parts)
