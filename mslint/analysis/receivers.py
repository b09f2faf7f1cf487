"""What a receiver is: a MindSpore Cell, optimizer or tensor, known from how it was built, annotated or bound,
or an object of another library (``np.arange(...)``). Used by every rule that reads a method call."""

from __future__ import annotations

from astroid import nodes

from mslint.analysis import ast_queries, calls, names
from mslint.analysis.inference import inferred
from mslint.knowledge.facts import cell_facts


def cell_or_parameter(value: nodes.NodeNG) -> str | None:
    """'Cell' or 'Parameter' when ``value`` constructs one (a MindSpore or project Cell class), else None."""
    if not isinstance(value, nodes.Call):
        return None
    name = names.qualified_name(value.func)
    if name in ("mindspore.Parameter", "mindspore.nn.Parameter"):
        return "Parameter"
    if name in cell_facts().cell_classes:
        return "Cell"
    if name is None:
        found = inferred(value.func)
        if found and isinstance(found[0], nodes.ClassDef) and names.is_cell_class(found[0], cell_facts().cell_classes):
            return "Cell"
    return None


def is_optimizer_class(qualname: str | None) -> bool:
    """A MindSpore optimizer: a ``mindspore.nn`` class taking ``params`` first and a ``learning_rate``."""
    if not names.is_mindspore_name(qualname) or not calls.is_class(qualname):
        return False
    signature = calls.overloads(qualname)[0]
    return bool(signature) and signature[0].name == "params" and calls.param(signature, "learning_rate") is not None


def _assigned_value(name: nodes.Name) -> nodes.NodeNG | None:
    """The value of the single assignment of ``name`` in its scope, if there is exactly one."""
    statements = ast_queries.bindings(name)
    if statements is None or len(statements) != 1 or not isinstance(statements[0], nodes.AssignName):
        return None
    parent = statements[0].parent
    return parent.value if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 else None


def _tensor_call(value: nodes.NodeNG) -> bool:
    """A call of ``mindspore.Tensor`` or of a MindSpore function (they return tensors)."""
    name = names.qualified_name(value.func) if isinstance(value, nodes.Call) else None
    return name == "mindspore.Tensor" or (names.is_mindspore_name(name) and not calls.is_class(name) and bool(calls.overloads(name)))


def foreign(receiver: nodes.NodeNG) -> bool:
    """The receiver is built by another library: its call chain starts at a non-MindSpore name (``np.arange``), or
    at a ``torch`` left unbound by the port (reported by ``ms-torch-not-imported``, not as a MindSpore tensor)."""
    while isinstance(receiver, (nodes.Call, nodes.Attribute, nodes.Subscript)):
        name = names.qualified_name(receiver.func if isinstance(receiver, nodes.Call) else receiver)
        if name is not None:
            return not names.is_mindspore_name(name)
        receiver = receiver.func if isinstance(receiver, nodes.Call) else receiver.expr if isinstance(receiver, nodes.Attribute) else receiver.value
    if isinstance(receiver, nodes.Name) and receiver.name == "torch" and not _bound(receiver):
        return True
    value = _assigned_value(receiver) if isinstance(receiver, nodes.Name) else None
    return value is not None and value is not receiver and foreign(value)


def _bound(name: nodes.Name) -> bool:
    statements = ast_queries.bindings(name)
    return statements is None or bool(statements)


def receiver_kind(receiver: nodes.NodeNG) -> str | None:
    """'cell', 'optimizer' or 'tensor' when the receiver is known to be one: built by a MindSpore call, ``self`` in
    a Cell, a name assigned once from a Cell/optimizer/tensor call, a parameter annotated with a Cell or optimizer
    class, or ``self.<attr>`` that every assignment in the class sets to one of them."""
    if _tensor_call(receiver):
        return "tensor"
    if isinstance(receiver, nodes.Attribute):
        return _self_attribute_kind(receiver)
    if not isinstance(receiver, nodes.Name):
        return None
    scope = receiver.frame()
    if _is_self(receiver):
        cls = scope.parent
        return "cell" if isinstance(cls, nodes.ClassDef) and names.is_cell_class(cls, cell_facts().cell_classes) else None
    annotation = _parameter_annotation(receiver)
    if annotation is not None:
        return _class_kind(annotation)
    return _value_kind(_assigned_value(receiver))


def built_by(receiver: nodes.NodeNG, qualname: str) -> bool:
    """The receiver is an instance of the MindSpore class ``qualname`` (or of a project subclass of it): ``self`` in
    such a class, a name assigned once from its call, or ``self.<attr>`` that every assignment sets to one."""
    if isinstance(receiver, nodes.Name) and _is_self(receiver):
        return names.is_cell_class(receiver.frame().parent, frozenset({qualname}))
    if isinstance(receiver, nodes.Name):
        values = [_assigned_value(receiver)]
    elif isinstance(receiver, nodes.Attribute) and isinstance(receiver.expr, nodes.Name) and _is_self(receiver.expr):
        targets = receiver.expr.frame().parent.instance_attrs.get(receiver.attrname, [])
        values = [t.parent.value if isinstance(t.parent, nodes.Assign) and len(t.parent.targets) == 1 else None for t in targets]
    else:
        return False
    return bool(values) and all(
        isinstance(value, nodes.Call) and names.qualified_name(value.func) == qualname for value in values
    )


def _is_self(name: nodes.NodeNG) -> bool:
    """``name`` is the first parameter of the method it is used in."""
    scope = name.frame() if isinstance(name, nodes.Name) else None
    return (
        isinstance(scope, nodes.FunctionDef)
        and scope.type == "method"
        and bool(scope.args.args)
        and scope.args.args[0].name == name.name
        and isinstance(scope.parent, nodes.ClassDef)
    )


def _value_kind(value: nodes.NodeNG | None) -> str | None:
    """The kind of object a call builds: a MindSpore optimizer, tensor or a Cell."""
    if not isinstance(value, nodes.Call):
        return None
    if is_optimizer_class(names.qualified_name(value.func)):
        return "optimizer"
    if _tensor_call(value):
        return "tensor"
    return "cell" if cell_or_parameter(value) == "Cell" else None


def _class_kind(annotation: nodes.NodeNG) -> str | None:
    """'cell' or 'optimizer' for an annotation naming a Cell or optimizer class."""
    name = names.qualified_name(annotation)
    if name == "mindspore.nn.Optimizer" or is_optimizer_class(name):
        return "optimizer"
    if name in cell_facts().cell_classes:
        return "cell"
    if name is None and isinstance(annotation, (nodes.Name, nodes.Attribute)):
        found = inferred(annotation)
        if found and isinstance(found[0], nodes.ClassDef) and names.is_cell_class(found[0], cell_facts().cell_classes):
            return "cell"
    return None


def _parameter_annotation(name: nodes.Name) -> nodes.NodeNG | None:
    """The annotation of the function parameter ``name`` refers to, when it is not reassigned."""
    found = ast_queries.only_parameter(name)
    if found is None:
        return None
    arguments, parameter = found
    for index, argument in enumerate(arguments.args):
        if argument is parameter:
            return arguments.annotations[index]
    for index, argument in enumerate(arguments.kwonlyargs):
        if argument is parameter:
            return arguments.kwonlyargs_annotations[index]
    return None


def _self_attribute_kind(receiver: nodes.Attribute) -> str | None:
    """The kind of ``self.<attr>`` when every assignment of the attribute in its class builds the same kind."""
    if not (isinstance(receiver.expr, nodes.Name) and _is_self(receiver.expr)):
        return None
    cls = receiver.expr.frame().parent
    assignments = cls.instance_attrs.get(receiver.attrname, [])
    kinds = set()
    for target in assignments:
        parent = target.parent
        value = parent.value if isinstance(parent, nodes.Assign) and len(parent.targets) == 1 and parent.targets[0] is target else None
        if isinstance(parent, nodes.AnnAssign) and parent.target is target:
            kinds.add(_class_kind(parent.annotation) if parent.value is None else _value_kind(parent.value))
            continue
        kinds.add(_value_kind(value))
    return kinds.pop() if len(kinds) == 1 else None
