"""Porting rules on a Cell's state at run time: what PyTorch lets a module change after it is built and MindSpore
does not honour (or honours differently): requires_grad on a Cell, a Parameter replaced in construct, a Cell built
inside construct, BatchNorm settings changed after construction."""

from __future__ import annotations

from astroid import nodes

from mslint.analysis import ast_queries, names
from mslint.analysis.receivers import cell_or_parameter, receiver_kind
from mslint.engine.context import ModuleContext
from mslint.engine.rule import MS_API_DOCS, Oracle, Rule
from mslint.knowledge.facts import cell_facts

BATCHNORMS = frozenset({"mindspore.nn.BatchNorm1d", "mindspore.nn.BatchNorm2d", "mindspore.nn.BatchNorm3d", "mindspore.nn.SyncBatchNorm"})
# BatchNorm settings its op reads once, when the layer is built (checked on MindSpore 2.10 by the card).
CONSTRUCTION_ONLY = frozenset({"momentum", "eps"})
CELL_ITERATORS = frozenset({"cells", "cells_and_names", "name_cells", "modules", "named_modules", "children", "named_children"})


def _assigned(target: nodes.AssignAttr) -> nodes.Assign | None:
    statement = target.parent
    return statement if isinstance(statement, nodes.Assign) and statement.targets == [target] else None


def _in_construct(node: nodes.NodeNG) -> nodes.FunctionDef | None:
    """The ``construct`` of a Cell subclass the node is directly in."""
    function = node.frame()
    if isinstance(function, nodes.FunctionDef) and function.name == "construct" and isinstance(function.parent, nodes.ClassDef):
        return function if names.is_cell_class(function.parent, cell_facts().cell_classes) else None
    return None


def check_cell_requires_grad(ctx: ModuleContext, target: nodes.AssignAttr) -> None:
    if target.attrname != "requires_grad" or _assigned(target) is None or receiver_kind(target.expr) != "cell":
        return
    receiver = ctx.text(target.expr)
    ctx.report(CELL_REQUIRES_GRAD, _assigned(target), (receiver, receiver, ctx.text(_assigned(target).value)))


CELL_REQUIRES_GRAD = Rule(
    symbol="ms-cell-requires-grad",
    node=nodes.AssignAttr,
    check=check_cell_requires_grad,
    message="%s.requires_grad = ... freezes nothing: Parameters carry requires_grad in MindSpore; write: for param in %s.get_parameters(): param.requires_grad = %s",
    summary="requires_grad set on a Cell (meant to freeze it): its Parameters still train.",
    what="Checks assignments to `<cell>.requires_grad` where the receiver is known to be a Cell (`self`, `self.backbone` assigned a Cell, a name built from a Cell class).",
    why=(
        "A Cell's `requires_grad` does not reach its Parameters: `trainable_params()` still lists them and "
        "`value_and_grad` still returns their gradients, so the 'frozen' layers train."
    ),
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/mindspore/mindspore.Parameter.html",),
)


def _trainable_parameter(cls: nodes.ClassDef, attribute: str) -> bool:
    """The class assigns ``self.<attribute> = Parameter(...)`` without ``requires_grad=False``."""
    for target in cls.instance_attrs.get(attribute, []):
        statement = _assigned(target) if isinstance(target, nodes.AssignAttr) else None
        value = statement.value if statement is not None else None
        if cell_or_parameter(value) == "Parameter":
            flag = ast_queries.keyword(value, "requires_grad")
            return flag is None or not (isinstance(flag.value, nodes.Const) and flag.value.value is False)
    return False


def check_parameter_overwritten(ctx: ModuleContext, target: nodes.AssignAttr) -> None:
    construct = _in_construct(target)
    statement = _assigned(target)
    if construct is None or statement is None or not (isinstance(target.expr, nodes.Name) and target.expr.name == ast_queries.self_name(construct)):
        return
    reads_itself = any(
        attribute.attrname == target.attrname for attribute in ast_queries.self_attribute_reads(construct) if statement.value.parent_of(attribute)
    )
    if reads_itself and _trainable_parameter(construct.parent, target.attrname):
        ctx.report(PARAMETER_OVERWRITTEN, statement, (target.attrname, target.attrname))


PARAMETER_OVERWRITTEN = Rule(
    symbol="ms-parameter-overwritten",
    node=nodes.AssignAttr,
    check=check_parameter_overwritten,
    message="self.%s = ... in construct replaces the trainable Parameter %s on every call: compute into a local variable",
    summary="A trainable Parameter reassigned from itself in construct (self.w = ops.softmax(self.w)).",
    what=(
        "Checks `self.<name> = <expression reading self.<name>>` in `construct` when `__init__` makes `<name>` a "
        "`Parameter` that requires grad."
    ),
    why=(
        "MindSpore writes a value assigned to a Parameter attribute in `construct` into the Parameter, so the "
        "weight changes on every call (PyTorch rejects assigning a tensor to a parameter attribute: the original "
        "meant a local). A counter or buffer (`requires_grad=False`) updated this way is left alone."
    ),
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/mindspore/mindspore.Parameter.html",),
)


def _applied(call: nodes.Call, construct: nodes.FunctionDef) -> bool:
    """The Cell a call builds is called: at once (``nn.ReLU()(x)``), or through the name it is assigned to."""
    parent = call.parent
    if isinstance(parent, nodes.Call) and parent.func is call:
        return True
    if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], nodes.AssignName):
        name = parent.targets[0].name
        return any(isinstance(other.func, nodes.Name) and other.func.name == name for other in ast_queries.descendants(construct, nodes.Call))
    return False


def check_cell_built_in_construct(ctx: ModuleContext, call: nodes.Call) -> None:
    construct = _in_construct(call)
    if construct is not None and not _applied(call, construct) and cell_or_parameter(call) == "Cell":
        ctx.report(CELL_BUILT_IN_CONSTRUCT, call, (ctx.text(call.func),))


CELL_BUILT_IN_CONSTRUCT = Rule(
    symbol="ms-cell-built-in-construct",
    node=nodes.Call,
    check=check_cell_built_in_construct,
    message="%s(...) builds a new Cell inside construct and uses the Cell itself as a value: build it in __init__ and call it here",
    summary="A Cell class instantiated in construct and not applied (out = nn.Dropout(0.1)).",
    what="Checks calls of Cell classes inside `construct` whose result is not called at once (`out = nn.Dropout(p=0.1)`, `return nn.ReLU()`).",
    why="The expression is a Cell, not a tensor: the next operation on it raises, or the layer is silently skipped.",
    oracle_detail="TypeError",
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.Cell.html",),
)


def _iterated_cell(name: nodes.Name) -> bool:
    """``name`` is the loop variable of ``for m in net.cells()`` (or ``for _, m in net.cells_and_names()``)."""
    for binding in ast_queries.bindings(name) or ():
        loop = binding.parent.parent if isinstance(binding.parent, nodes.Tuple) else binding.parent
        if isinstance(loop, nodes.For) and isinstance(loop.iter, nodes.Call) and isinstance(loop.iter.func, nodes.Attribute):
            if loop.iter.func.attrname in CELL_ITERATORS:
                return True
    return False


def _built_batchnorm(receiver: nodes.NodeNG) -> bool:
    """``self.bn`` or ``bn`` whose every assignment builds a MindSpore BatchNorm."""
    if isinstance(receiver, nodes.Attribute) and isinstance(receiver.expr, nodes.Name) and receiver.expr.name == "self":
        cls = names.enclosing_class(receiver)
        targets = cls.instance_attrs.get(receiver.attrname, []) if cls is not None else []
    elif isinstance(receiver, nodes.Name):
        targets = [binding for binding in ast_queries.bindings(receiver) or () if isinstance(binding, nodes.AssignName)]
    else:
        return False
    values = [target.parent.value for target in targets if isinstance(target.parent, nodes.Assign)]
    return bool(values) and len(values) == len(targets) and all(
        isinstance(value, nodes.Call) and names.qualified_name(value.func) in BATCHNORMS for value in values
    )


def check_config_after_construction(ctx: ModuleContext, target: nodes.AssignAttr) -> None:
    if target.attrname not in CONSTRUCTION_ONLY or _assigned(target) is None or ctx.framework not in ("mindspore", "mixed"):
        return
    receiver = target.expr
    if (isinstance(receiver, nodes.Name) and _iterated_cell(receiver)) or _built_batchnorm(receiver):
        ctx.report(CONFIG_AFTER_CONSTRUCTION, _assigned(target), (ctx.text(receiver), target.attrname, target.attrname))


CONFIG_AFTER_CONSTRUCTION = Rule(
    symbol="ms-config-after-construction",
    node=nodes.AssignAttr,
    check=check_config_after_construction,
    message="%s.%s = ... after the BatchNorm was built changes nothing in MindSpore: its op keeps the value given when it was built; pass %s= to nn.BatchNorm instead",
    summary="BatchNorm momentum/eps set on a built layer (for m in net.cells(): m.momentum = 0.01).",
    what=(
        "Checks assignments to `momentum` or `eps` on a MindSpore BatchNorm built in the same scope "
        "(`self.bn = nn.BatchNorm2d(c)`), or on the loop variable of `for m in net.cells()` (and the other Cell "
        "iterators), the PyTorch idiom for changing every BatchNorm of a network."
    ),
    why=(
        "PyTorch's BatchNorm reads `momentum` and `eps` at every call; MindSpore's builds its op with them, so "
        "the assignment is silently ignored and the running statistics and normalisation keep the old values."
    ),
    oracle=Oracle.DIVERGES,
    references=(f"{MS_API_DOCS}/nn/mindspore.nn.BatchNorm2d.html",),
)
