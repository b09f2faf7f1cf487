"""MindSpore tensors in a process the torch layer is loaded in: members whose meaning the layer changes."""

from __future__ import annotations

from astroid import nodes

from mslint.analysis import names
from mslint.analysis.receivers import receiver_kind
from mslint.engine.context import ModuleContext, Span
from mslint.engine.rule import Oracle, Rule
from mslint.rules.mindtorch.layer import support
from mslint.rules.mindtorch.support import ORACLE, TABLE_PAGES

# What changes, where running MindSpore and PyTorch shows it (tests/oracle/test_mindtorch_rules.py).
DETAILS = {
    "size": "MindSpore's .size is the element count (an int), PyTorch's .size() a method returning torch.Size",
    "shape": "MindSpore's .shape is a tuple, PyTorch's a torch.Size",
}


def check_mixing(ctx: ModuleContext, node: nodes.Attribute) -> None:
    member = node.attrname
    if member.startswith("__") or member not in support().mixing_members or not (ctx.framework == "compat" or ctx.route.torch_is_layer):
        return
    if "mindspore" not in {name.split(".")[0] for name in names.imported_modules(ctx.module)}:
        return
    if names.qualified_name(node) != f"mindspore.Tensor.{member}" and receiver_kind(node.expr) != "tensor":
        return
    detail = f": {DETAILS[member]}" if member in DETAILS else ""
    ctx.report(MIXING, node, (member, detail), span=Span.attribute(node, ctx.source))


MIXING = Rule(
    symbol="ms-mindtorch-mixing",
    node=nodes.Attribute,
    check=check_mixing,
    message="mindspore.Tensor.%s takes PyTorch's meaning once the torch layer is imported%s; MindTorch does not support mixing MindSpore and the layer",
    summary="A mindspore.Tensor member whose meaning the torch layer changes (shape, size, view ...), where the layer is loaded.",
    what=(
        "Checks files that import the layer, and every file of a project that routes `import torch` to it "
        "(`mstorch_enable`, MindNLP's proxy, `route = \"mindtorch\"`), for members of tensors built by MindSpore (`mindspore.Tensor(...)`, `ops.*(...)`) among the 53 that MSAdapter's "
        "overview lists as changed by `import torch`: `.size`, `.shape`, `.view`, `.reshape`, `.transpose`, `.mean`, "
        "`.T` ... Operators (`__and__`, `__pow__` ...) are not checked."
    ),
    why=(
        "The layer patches `mindspore.Tensor` for the whole process: after `import torch`, "
        "`mindspore.Tensor([2, 2]).shape` is `torch.Size([2])` and `.size` a method, so MindSpore code that reads "
        "`t.size` as an element count breaks, in any file, once the layer is loaded."
    ),
    oracle=Oracle.NONE,
    oracle_detail=ORACLE + "; MindSpore's and PyTorch's `size` and `shape` are compared by tests/oracle/test_mindtorch_rules.py",
    references=TABLE_PAGES[:1],
)
