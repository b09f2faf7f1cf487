"""What graph code computes at run time: names bound to graph inputs, tensor-valued expressions."""

from __future__ import annotations

from functools import cached_property

from astroid import nodes

from mslint.analysis import ast_queries, names
from mslint.analysis.dtypes import dtype_of, reaching_value
from mslint.analysis.graph_scope import GraphFunction, cell_attribute_class
from mslint.knowledge.facts import cell_facts

# Reading these gives a compile-time constant in graph mode (static shapes).
STATIC_ATTRIBUTES = frozenset({"shape", "dtype", "ndim"})
STATIC_BUILTINS = frozenset({"len", "isinstance", "type", "hasattr", "id", "callable"})
# Static in graph mode: rank, shape and dtype of a tensor (functional and Primitive forms).
STATIC_OPS = frozenset({"mindspore.ops.rank", "mindspore.ops.shape", "mindspore.ops.dtype", "mindspore.ops.Rank",
                        "mindspore.ops.Shape", "mindspore.ops.DType"})
HOST_CONVERSIONS = frozenset({"float", "int", "bool"})
HOST_METHODS = frozenset({"item", "asnumpy", "tolist"})
# Python containers whose methods the graph syntax table lists, by the builtin that makes them.
CONTAINER_TYPES = {"list": "list", "dict": "dict", "tuple": "tuple", "str": "str"}
# Annotations that declare one of them (``items: list``, ``List[int]``, ``typing.Dict``).
ANNOTATION_TYPES = {"list": "list", "List": "list", "dict": "dict", "Dict": "dict", "tuple": "tuple", "Tuple": "tuple",
                    "str": "str"}
NUMBER_ATTRIBUTES = frozenset({"ndim", "size"})
# Tensor methods that give a Python value (or a NumPy one), not a Tensor.
PYTHON_VALUE_METHODS = frozenset({"item", "tolist", "asnumpy", "dim", "ndimension", "numel", "nelement", "element_size",
                                  "is_contiguous", "is_floating_point", "is_complex", "is_signed", "data_ptr", "stride",
                                  "size", "storage_offset", "has_init"})


class Body:
    """One graph function and the names that hold run-time values in it."""

    def __init__(self, graph: GraphFunction) -> None:
        self.graph = graph
        self.function = graph.function
        self.self_name = ast_queries.self_name(self.function)

    @cached_property
    def parameters(self) -> list[str]:
        """Parameter names, without ``self``."""
        args = self.function.args
        found = [arg.name for arg in [*args.posonlyargs, *args.args, *args.kwonlyargs]]
        found += [name for name in (args.vararg, args.kwarg) if name]
        return [name for name in found if name != self.self_name]

    def _bound_from(self, predicate) -> set[str]:
        """Local names assigned (or looped over) from expressions matching ``predicate``, to a fixpoint."""
        found: set[str] = set()
        changed = True
        while changed:
            changed = False
            for node in ast_queries.descendants(self.function, (nodes.Assign, nodes.AugAssign, nodes.AnnAssign, nodes.For)):
                value = node.iter if isinstance(node, nodes.For) else node.value
                if value is None or not predicate(value, found):
                    continue
                targets = [node.target] if isinstance(node, (nodes.For, nodes.AugAssign, nodes.AnnAssign)) else node.targets
                for target in targets:
                    for name in target.nodes_of_class(nodes.AssignName):
                        if name.name not in found:
                            found.add(name.name)
                            changed = True
        return found

    @cached_property
    def runtime_names(self) -> set[str]:
        """Parameters and the locals computed from them."""
        base = set(self.parameters)
        return base | self._bound_from(lambda value, found: self._runtime(value, base | found))

    @cached_property
    def tensor_names(self) -> set[str]:
        """Locals computed by tensor operations on run-time values."""
        return self._bound_from(lambda value, found: self._tensor(value, found))

    def _runtime(self, node: nodes.NodeNG, runtime: set[str]) -> bool:
        if isinstance(node, nodes.Name):
            return node.name in runtime
        if isinstance(node, nodes.Attribute) and node.attrname in STATIC_ATTRIBUTES:
            return False
        if isinstance(node, nodes.Call) and isinstance(node.func, nodes.Name) and node.func.name in STATIC_BUILTINS:
            return False
        if isinstance(node, nodes.Compare) and all(op in ("is", "is not") for op, _ in node.ops):
            return False
        if isinstance(node, nodes.Call) and _static_op(node):
            return False
        if isinstance(node, (nodes.FunctionDef, nodes.Lambda, nodes.ClassDef)):
            return False
        return any(self._runtime(child, runtime) for child in node.get_children())

    def is_runtime(self, node: nodes.NodeNG) -> bool:
        """Depends on a graph input (not only on its static shape/dtype)."""
        return self._runtime(node, self.runtime_names)

    def _tensor(self, node: nodes.NodeNG, tensor_names: set[str]) -> bool:
        if not self._runtime(node, self.runtime_names):
            return False
        for sub in [node, *node.nodes_of_class((nodes.Call, nodes.Subscript, nodes.Name))]:
            if isinstance(sub, nodes.Name) and sub.name in tensor_names:
                return True
            if isinstance(sub, nodes.Subscript) and self._runtime(sub.value, self.runtime_names):
                return True
            if isinstance(sub, nodes.Call) and self._runtime(sub, self.runtime_names) and self._tensor_call(sub):
                return True
        return False

    def _tensor_call(self, call: nodes.Call) -> bool:
        """``x.sum()`` on a run-time value, a ``mindspore.ops`` function, or a sub-cell."""
        func = call.func
        if isinstance(func, nodes.Attribute) and self._runtime(func.expr, self.runtime_names):
            return func.attrname not in STR_METHODS
        if self.cell_call(call):
            return True
        name = names.qualified_name(func)
        return name is not None and name.startswith("mindspore.ops.")

    def is_tensor(self, node: nodes.NodeNG) -> bool:
        """A run-time value produced by a tensor operation (``x.sum() > 0``, ``ops.relu(x)``, ``x[0]``)."""
        return self._tensor(node, self.tensor_names)

    def tensor_like(self, node: nodes.NodeNG) -> bool:
        """A tensor-valued expression or a bare run-time name (not a tuple of them, which is a shape)."""
        return self.is_tensor(node) or (isinstance(node, nodes.Name) and node.name in self.runtime_names)

    def host_conversion(self, node: nodes.NodeNG) -> bool:
        """Contains ``float(<run-time>)``, ``int(...)``, ``x.item()``/``asnumpy()``/``tolist()``."""
        for call in [node, *node.nodes_of_class(nodes.Call)]:
            if not isinstance(call, nodes.Call) or not self.is_runtime(call):
                continue
            func = call.func
            if isinstance(func, nodes.Name) and func.name in HOST_CONVERSIONS and ast_queries.is_builtin(func):
                return True
            if isinstance(func, nodes.Attribute) and func.attrname in HOST_METHODS and self.is_runtime(func.expr):
                return True
        return False

    def rebound_before(self, name: str, line: int) -> bool:
        """Whether a local ``name`` is assigned in the function before ``line``."""
        return any(
            assign.name == name and assign.lineno < line and assign.frame() is self.function
            for assign in ast_queries.descendants(self.function, nodes.AssignName)
            if not isinstance(assign.parent, nodes.Arguments)
        )

    def input_name(self, node: nodes.NodeNG) -> bool:
        """A Name that is a parameter of an entry graph (or an alias ``z = x`` of one), not rebound before it."""
        return isinstance(node, nodes.Name) and self.is_input(node.name, node.lineno)

    def is_input(self, name: str, line: int) -> bool:
        """Whether local ``name`` still holds an entry graph's argument (or an alias of one) at ``line``."""
        if not self.graph.entry:
            return False
        if name in self.parameters:
            return not self.rebound_before(name, line)
        for assign in ast_queries.descendants(self.function, nodes.Assign):
            value = assign.value
            aliases = [t for t in assign.targets if isinstance(t, nodes.AssignName) and t.name == name]
            if aliases and isinstance(value, nodes.Name) and value.name in self.parameters and assign.lineno < line:
                later = [a for a in ast_queries.descendants(self.function, nodes.AssignName) if a.name == name and assign.lineno < a.lineno < line]
                return not later and not self.rebound_before(value.name, assign.lineno)
        return False

    # ---- who a value belongs to, and what Python type it has

    def self_attribute(self, node: nodes.NodeNG) -> bool:
        """``self.<attr>`` (read or assigned) of the function's own ``self``."""
        return isinstance(node, (nodes.Attribute, nodes.AssignAttr)) and isinstance(node.expr, nodes.Name) and node.expr.name == self.self_name

    def attribute_values(self, attribute: str) -> list[nodes.NodeNG] | None:
        """Values the class hierarchy of the function's ``self`` assigns to ``self.<attribute>``."""
        return attribute_values(self.graph.owner, attribute) if self.graph.owner is not None else None

    def used_as_tensor(self, name: str) -> bool:
        """The parameter is subscripted, has a tensor method called or its shape/dtype read in the function."""
        for node in ast_queries.descendants(self.function, (nodes.Attribute, nodes.Subscript)):
            inner = node.expr if isinstance(node, nodes.Attribute) else node.value
            if isinstance(inner, nodes.Name) and inner.name == name:
                return True
        return False

    def python_type(self, node: nodes.NodeNG) -> str | None:
        """``list``, ``dict``, ``tuple`` or ``str`` when the code says which one an expression certainly holds: a
        literal, a call of the builtin, a name every assignment of which gives one (in the function, an enclosing
        function or the module), an annotated parameter, or ``self.<attr>`` that the class only assigns one."""
        found = literal_type(node)
        if found is not None or not isinstance(node, (nodes.Name, nodes.Attribute)):
            return found
        if isinstance(node, nodes.Attribute):
            values = self.attribute_values(node.attrname) if self.self_attribute(node) else None
            return _one_type(values or ())
        bindings = ast_queries.bindings(node)
        if not bindings:
            return None
        if all(isinstance(b, nodes.AssignName) and isinstance(b.parent, nodes.Arguments) for b in bindings):
            if len(bindings) != 1:
                return None
            return _annotation_type(bindings[0]) or (self.passed_types.get(node.name) if bindings[0].parent.parent is self.function else None)
        return _one_type([_binding_value(b) for b in bindings])

    @cached_property
    def passed_types(self) -> dict[str, str]:
        """Parameters that every call of the function in the module passes a list, dict, tuple or str (an entry
        ``construct`` through calls of its Cell, a helper through its calls)."""
        function, owner = self.function, self.graph.owner
        positional = [a.name for a in [*function.args.posonlyargs, *function.args.args]]
        if owner is not None and function.type == "method":
            positional = positional[1:]
        passed: dict[str, set[str | None]] = {}
        for call in ast_queries.descendants(function.root(), nodes.Call):
            entry_call = self.graph.entry and owner is not None and function.name == "construct" and instance_of_class(call.func, owner)
            if not (entry_call or _calls(call, function)):
                continue
            given = {**dict(zip(positional, call.args)), **{k.arg: k.value for k in call.keywords or () if k.arg}}
            for name in positional:
                passed.setdefault(name, set()).add(static_type(given.get(name)))
        return {name: types.pop() for name, types in passed.items() if len(types) == 1 and None not in types}

    def owner_of(self, node: nodes.NodeNG) -> str | None:
        """Where the container an expression names lives: ``attribute`` (of ``self``), ``global`` (a module name),
        ``argument`` (a parameter of this function), ``closure`` (a local of an enclosing function) or ``local``."""
        if self.self_attribute(node):
            return "attribute"
        if not isinstance(node, nodes.Name):
            return None
        try:
            scope, bindings = node.lookup(node.name)
        except Exception:  # pylint: disable=broad-except
            return None
        if not bindings or isinstance(scope, nodes.Module) and scope.name == "builtins":
            return None
        if isinstance(scope, nodes.Module):
            return "global"
        if scope is not node.frame():
            return "closure" if isinstance(scope, nodes.FunctionDef) else None
        if any(isinstance(b, nodes.AssignName) and isinstance(b.parent, nodes.Arguments) for b in bindings):
            return "argument"
        return "local"

    def operand_type(self, node: nodes.NodeNG) -> str | None:
        """The operand kinds of the graph syntax table's operator rows: ``tensor``, ``booltensor``, ``number``,
        ``bool``, ``none``, ``string``, ``list``, ``tuple``, ``dict``; None when not certain."""
        if isinstance(node, nodes.Const):
            value = node.value
            if isinstance(value, bool):
                return "bool"
            if value is None:
                return "none"
            return "number" if isinstance(value, (int, float)) else "string" if isinstance(value, str) else None
        if isinstance(node, nodes.UnaryOp) and node.op in ("-", "+") and self.operand_type(node.operand) == "number":
            return "number"
        found = self.python_type(node)
        if found is not None:
            return "string" if found == "str" else found
        if self.tensor_value(node):
            dtype = self.tensor_arguments.get(node.name) if isinstance(node, nodes.Name) else dtype_of(node)
            return "booltensor" if isinstance(node, nodes.Compare) or dtype == "bool" else "tensor"
        return "number" if self.is_number(node) else None

    def is_number(self, node: nodes.NodeNG) -> bool:
        """A Python int or float: a literal, ``len(...)``, a static ``x.shape[i]``/``x.ndim``, or a local assigned one."""
        if isinstance(node, nodes.Const):
            return isinstance(node.value, (int, float)) and not isinstance(node.value, bool)
        if isinstance(node, nodes.Call) and isinstance(node.func, nodes.Name) and node.func.name == "len" and ast_queries.is_builtin(node.func):
            return True
        if isinstance(node, nodes.Subscript) and isinstance(node.value, nodes.Attribute) and node.value.attrname == "shape":
            return isinstance(node.slice, nodes.Const) and isinstance(node.slice.value, int)
        if isinstance(node, nodes.Attribute) and node.attrname in NUMBER_ATTRIBUTES and self.is_runtime(node.expr):
            return True
        if isinstance(node, nodes.Name) and node.name not in self.parameters:
            value = reaching_value(node)
            return value is not None and value is not node and self.is_number(value)
        return False

    def tensor_input(self, node: nodes.NodeNG) -> bool:
        """A graph input name used as a tensor in the function, or that a caller in the module passes a Tensor."""
        return self.input_name(node) and (self.used_as_tensor(node.name) or node.name in self.tensor_arguments)

    @cached_property
    def tensor_arguments(self) -> dict[str, str | None]:
        """Parameters of an entry ``construct`` that a call of the Cell in the same module gives a Tensor
        (``net(x, Tensor(1))``), with the Tensor's dtype when known."""
        owner, function = self.graph.owner, self.function
        if owner is None or not self.graph.entry or function.name != "construct":
            return {}
        positional = [a.name for a in [*function.args.posonlyargs, *function.args.args]][1:]
        found: dict[str, str | None] = {}
        for call in ast_queries.descendants(function.root(), nodes.Call):
            if not instance_of_class(call.func, owner):
                continue
            passed = [*zip(positional, call.args), *((k.arg, k.value) for k in call.keywords or () if k.arg)]
            for name, value in passed:
                if _makes_tensor(value):
                    found[name] = _tensor_dtype(value) if name not in found else found[name]
        return found

    @cached_property
    def dynamic_shape(self) -> bool:
        """The Cell's inputs are declared with dynamic dimensions: ``net.set_inputs(Tensor(shape=[None, 3], ...))``
        in the module (or ``self.set_inputs`` in the class)."""
        owner = self.graph.owner
        if owner is None:
            return False
        for call in ast_queries.descendants(self.function.root(), nodes.Call):
            func = call.func
            if not (isinstance(func, nodes.Attribute) and func.attrname == "set_inputs"):
                continue
            mine = instance_of_class(func.expr, owner) or (isinstance(func.expr, nodes.Name) and names.enclosing_class(call) is owner)
            if mine and any(_dynamic_tensor(argument) for argument in call.args):
                return True
        return False

    def shape_derived(self, node: nodes.NodeNG) -> bool:
        """Computed from the shape of a run-time value (``x.shape[0] / 3``, ``len(x)``)."""
        for sub in [node, *node.nodes_of_class((nodes.Attribute, nodes.Call))]:
            if isinstance(sub, nodes.Attribute) and sub.attrname == "shape" and self.is_runtime(sub.expr):
                return True
            if isinstance(sub, nodes.Call) and isinstance(sub.func, nodes.Name) and sub.func.name == "len" and sub.args and self.is_runtime(sub.args[0]):
                return True
        return False

    def argument_lost(self, name: nodes.Name) -> bool:
        """A container parameter of a helper (not an entry) whose caller reads the container after the call: the
        graph gives the helper a copy, so what the helper changes in it never reaches the caller (unless the
        helper returns it)."""
        function = self.function
        if self.graph.entry or name.name not in self.parameters:
            return False
        if any(isinstance(n, nodes.Name) and n.name == name.name for r in ast_queries.descendants(function, nodes.Return) if r.value for n in [r.value, *r.value.nodes_of_class(nodes.Name)]):
            return False
        positional = [a.name for a in [*function.args.posonlyargs, *function.args.args]]
        offset = 1 if self.graph.owner is not None and function.type == "method" else 0
        index = positional.index(name.name) - offset if name.name in positional else None
        for call in ast_queries.descendants(function.root(), nodes.Call):
            if not _calls(call, function):
                continue
            passed = call.args[index] if index is not None and 0 <= index < len(call.args) else None
            passed = passed or next((k.value for k in call.keywords or () if k.arg == name.name), None)
            if isinstance(passed, nodes.Name) and _read_after(passed, call):
                return True
        return False

    def tensor_value(self, node: nodes.NodeNG, seen: frozenset[str] = frozenset()) -> bool:
        """The expression's own value is certainly a Tensor (``x.sum()``, ``ops.relu(x)``, ``x[0]``, ``x > 1``,
        ``self.block(x)``), not a Python value computed from one (``int(x.max())``, ``x.shape[0]``)."""
        if isinstance(node, nodes.Name):
            if self.tensor_input(node):
                return True
            if node.name in seen or node.name in self.parameters:
                return False
            values = [_binding_value(b) for b in ast_queries.bindings(node) or ()]
            return bool(values) and all(v is not None and self.tensor_value(v, seen | {node.name}) for v in values)
        if isinstance(node, nodes.Call):
            func = node.func
            if isinstance(func, nodes.Name) and ast_queries.is_builtin(func):
                return False
            if isinstance(func, nodes.Attribute) and func.attrname in PYTHON_VALUE_METHODS | STR_METHODS:
                return False
            if isinstance(func, nodes.Attribute) and not self.self_attribute(func) and names.qualified_name(func) is None:
                return self.tensor_value(func.expr, seen)
            return self.cell_call(node) or (self.is_runtime(node) and not _static_op(node) and self._tensor_call(node))
        if isinstance(node, nodes.Subscript):
            return self.tensor_value(node.value, seen) and not isinstance(node.value, nodes.Attribute)
        if isinstance(node, nodes.BinOp):
            return self.tensor_value(node.left, seen) or self.tensor_value(node.right, seen)
        if isinstance(node, nodes.UnaryOp):
            return node.op != "not" and self.tensor_value(node.operand, seen)
        if isinstance(node, nodes.Compare):
            return len(node.ops) == 1 and node.ops[0][0] not in ("is", "is not", "in", "not in") and (
                self.tensor_value(node.left, seen) or self.tensor_value(node.ops[0][1], seen))
        return False

    def cell_call(self, node: nodes.NodeNG) -> bool:
        """A call of a sub-cell, ``self.<cell>(...)``: a Cell returns a Tensor (a project Cell class, or a
        MindSpore nn layer)."""
        if not isinstance(node, nodes.Call) or not self.self_attribute(node.func) or self.graph.owner is None:
            return False
        if cell_attribute_class(self.graph.owner, node.func.attrname) is not None:
            return True
        values = self.attribute_values(node.func.attrname) or ()
        made = {names.qualified_name(v.func) if isinstance(v, nodes.Call) else None for v in values}
        return len(made) == 1 and next(iter(made)) in cell_facts().cell_classes


STR_METHODS = frozenset(
    {"replace", "split", "rsplit", "startswith", "endswith", "join", "strip", "lstrip", "rstrip", "find", "index",
     "count", "capitalize", "title", "isdigit", "isalpha", "zfill", "partition", "splitlines"}
)



def _static_op(call: nodes.Call) -> bool:
    """``ops.rank(x)``, ``ops.shape(x)``, ``ops.Shape()(x)``: constants of the compiled graph."""
    func = call.func.func if isinstance(call.func, nodes.Call) else call.func
    return names.qualified_name(func) in STATIC_OPS


def attribute_values(owner: nodes.ClassDef, attribute: str) -> list[nodes.NodeNG] | None:
    """Values assigned to ``self.<attribute>`` (or the target, when not a plain assignment) in the class
    hierarchy; None when a base is unknown."""
    hierarchy, _, complete = names.ancestors(owner)
    if not complete:
        return None
    values: list[nodes.NodeNG] = []
    for cls in hierarchy:
        for assign in cls.instance_attrs.get(attribute, ()):
            values.append(assigned_value(assign))
        values.extend(assigned_value(name) for name in cls.locals.get(attribute, ()))
    return values


def assigned_value(target: nodes.NodeNG) -> nodes.NodeNG:
    """The value a single-target assignment gives ``target``; else ``target`` itself (value unknown)."""
    parent = target.parent
    if isinstance(parent, nodes.Assign) and parent.targets == [target] or isinstance(parent, nodes.AnnAssign) and parent.value:
        return parent.value
    return target


def literal_type(node: nodes.NodeNG | None) -> str | None:
    """The Python container or str type a literal, display or builtin call makes."""
    if isinstance(node, nodes.Const):
        return "str" if isinstance(node.value, str) else None
    if isinstance(node, (nodes.List, nodes.ListComp)):
        return "list"
    if isinstance(node, (nodes.Dict, nodes.DictComp)):
        return "dict"
    if isinstance(node, nodes.Tuple):
        return "tuple"
    if isinstance(node, nodes.JoinedStr):
        return "str"
    if isinstance(node, nodes.Call) and isinstance(node.func, nodes.Name) and node.func.name in CONTAINER_TYPES:
        return CONTAINER_TYPES[node.func.name] if ast_queries.is_builtin(node.func) else None
    if isinstance(node, nodes.BinOp) and node.op == "+":
        left, right = literal_type(node.left), literal_type(node.right)
        return left if left is not None and left == right else None
    return None


def static_type(node: nodes.NodeNG | None, depth: int = 0) -> str | None:
    """The container or str type of a literal, or of a name every plain assignment of which gives one."""
    found = literal_type(node)
    if found is not None or not isinstance(node, nodes.Name):
        return found
    bindings = ast_queries.bindings(node) or []
    return _one_type([_binding_value(b) for b in bindings], depth) if bindings else None


def _binding_value(binding: nodes.NodeNG) -> nodes.NodeNG | None:
    """The value a plain assignment binds; None for any other binding (loop target, import, augmented ...)."""
    parent = binding.parent
    if isinstance(binding, nodes.AssignName) and (
        isinstance(parent, nodes.Assign) and parent.targets == [binding] or isinstance(parent, nodes.AnnAssign)
    ):
        return parent.value
    return None


def _one_type(values: list[nodes.NodeNG | None], depth: int = 0) -> str | None:
    """The type every value has (a name assigned another name counts as that name's type)."""
    found = {static_type(value, depth + 1) if isinstance(value, nodes.Name) and depth < 3 else literal_type(value) for value in values}
    return found.pop() if len(found) == 1 and values else None


def _annotation_type(parameter: nodes.AssignName) -> str | None:
    """``list``/``dict``/``tuple``/``str`` from a parameter's annotation (``List[int]`` too)."""
    arguments = parameter.parent
    everything = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
    annotations = [*arguments.posonlyargs_annotations, *arguments.annotations, *arguments.kwonlyargs_annotations]
    annotation = dict(zip(everything, annotations)).get(parameter)
    if isinstance(annotation, nodes.Subscript):
        annotation = annotation.value
    name = annotation.attrname if isinstance(annotation, nodes.Attribute) else annotation.name if isinstance(annotation, nodes.Name) else None
    return ANNOTATION_TYPES.get(name or "")


def instance_of_class(node: nodes.NodeNG, cls: nodes.ClassDef) -> bool:
    """``node`` is an instance of ``cls``: ``Cls(...)``, or a name every assignment of which is one."""
    if isinstance(node, nodes.Call):
        return isinstance(node.func, nodes.Name) and node.func.name == cls.name and (ast_queries.bindings(node.func) or [None])[0] is cls
    if isinstance(node, nodes.Name):
        values = [_binding_value(b) for b in ast_queries.bindings(node) or ()]
        return bool(values) and all(value is not None and instance_of_class(value, cls) for value in values)
    return False


TENSOR_MAKERS = frozenset({"mindspore.Tensor", "mindspore.tensor"})


def _makes_tensor(node: nodes.NodeNG | None, depth: int = 0) -> bool:
    """``Tensor(...)``, ``ms.tensor(...)``, a ``mindspore.ops`` call, a name assigned one, or a call of a module
    function every return of which is one (``def S(): return Tensor(3, ms.int32)``)."""
    if node is None or depth > 3:
        return False
    if isinstance(node, nodes.Name):
        return _makes_tensor(reaching_value(node), depth + 1)
    if not isinstance(node, nodes.Call):
        return False
    qualname = names.qualified_name(node.func)
    if qualname in TENSOR_MAKERS or (qualname or "").startswith(("mindspore.ops.", "mindspore.mint.")):
        return True
    bindings = ast_queries.bindings(node.func) if isinstance(node.func, nodes.Name) else None
    if bindings and len(bindings) == 1 and isinstance(bindings[0], nodes.FunctionDef) and isinstance(bindings[0].parent, nodes.Module):
        returns = [r.value for r in ast_queries.descendants(bindings[0], nodes.Return) if r.frame() is bindings[0]]
        return bool(returns) and all(_makes_tensor(value, depth + 1) for value in returns)
    return False


def _tensor_dtype(node: nodes.NodeNG) -> str | None:
    """The dtype of a Tensor an argument makes, also through a module function that returns one."""
    found = dtype_of(node)
    if found is None and isinstance(node, nodes.Call) and isinstance(node.func, nodes.Name):
        bindings = ast_queries.bindings(node.func) or []
        if len(bindings) == 1 and isinstance(bindings[0], nodes.FunctionDef):
            returns = [r.value for r in ast_queries.descendants(bindings[0], nodes.Return) if r.frame() is bindings[0]]
            dtypes = {dtype_of(value) for value in returns}
            found = dtypes.pop() if len(dtypes) == 1 else None
    return found


def _dynamic_tensor(node: nodes.NodeNG) -> bool:
    """``Tensor(shape=[None, 3], dtype=...)``: an input placeholder with a dynamic dimension."""
    if not isinstance(node, nodes.Call) or names.qualified_name(node.func) not in TENSOR_MAKERS:
        return False
    shape = ast_queries.keyword(node, "shape")
    value = shape.value if shape is not None else None
    return isinstance(value, (nodes.List, nodes.Tuple)) and any(isinstance(e, nodes.Const) and e.value is None for e in value.elts)


def _calls(call: nodes.Call, function: nodes.FunctionDef) -> bool:
    """``call`` calls ``function``: a module function by name, or a method through ``self``."""
    func = call.func
    if isinstance(func, nodes.Name):
        return func.name == function.name and (ast_queries.bindings(func) or [None])[0] is function
    return (
        isinstance(func, nodes.Attribute) and func.attrname == function.name and isinstance(func.expr, nodes.Name)
        and func.expr.name == "self" and names.enclosing_class(call) is function.parent
    )


def _read_after(name: nodes.Name, call: nodes.Call) -> bool:
    """The caller reads ``name`` after ``call`` (later in its function, or anywhere in a loop around the call)."""
    frame = call.frame()
    loops = [p for p in call.node_ancestors() if isinstance(p, (nodes.For, nodes.While)) and p.frame() is frame]
    for read in ast_queries.descendants(frame, nodes.Name):
        if read.name != name.name or read is name or read.frame() is not frame:
            continue
        if read.lineno > call.lineno or any(read in loop.nodes_of_class(nodes.Name) for loop in loops):
            return True
    return False
