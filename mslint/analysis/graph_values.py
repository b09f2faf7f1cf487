"""What graph code computes at run time: names bound to graph inputs, tensor-valued expressions."""

from __future__ import annotations

from functools import cached_property

from astroid import nodes

from mslint.analysis import ast_queries, names
from mslint.analysis.graph_scope import GraphFunction

# Reading these gives a compile-time constant in graph mode (static shapes).
STATIC_ATTRIBUTES = frozenset({"shape", "dtype", "ndim"})
STATIC_BUILTINS = frozenset({"len", "isinstance", "type", "hasattr", "id", "callable"})
# Static in graph mode: rank, shape and dtype of a tensor (functional and Primitive forms).
STATIC_OPS = frozenset({"mindspore.ops.rank", "mindspore.ops.shape", "mindspore.ops.dtype", "mindspore.ops.Rank",
                        "mindspore.ops.Shape", "mindspore.ops.DType"})
HOST_CONVERSIONS = frozenset({"float", "int", "bool"})
HOST_METHODS = frozenset({"item", "asnumpy", "tolist"})


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
        """``x.sum()`` on a run-time value, or a ``mindspore.ops`` function."""
        func = call.func
        if isinstance(func, nodes.Attribute) and self._runtime(func.expr, self.runtime_names):
            return func.attrname not in STR_METHODS
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


STR_METHODS = frozenset(
    {"replace", "split", "rsplit", "startswith", "endswith", "join", "strip", "lstrip", "rstrip", "find", "index",
     "count", "capitalize", "title", "isdigit", "isalpha", "zfill", "partition", "splitlines"}
)



def _static_op(call: nodes.Call) -> bool:
    """``ops.rank(x)``, ``ops.shape(x)``, ``ops.Shape()(x)``: constants of the compiled graph."""
    func = call.func.func if isinstance(call.func, nodes.Call) else call.func
    return names.qualified_name(func) in STATIC_OPS
