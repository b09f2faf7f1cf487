"""AST helpers shared by the checkers: methods of classes, call arguments and the edits that change them."""

from __future__ import annotations

import array
import bisect
import heapq
import weakref
from collections import OrderedDict
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

from astroid import nodes

from mslint.core.positions import SourceText

T = TypeVar("T")
DYNAMIC_ATTRIBUTE_CALLS = frozenset(
    {"setattr", "insert_child_to_cell", "insert_param_to_cell", "register_buffer", "register_parameter", "__setattr__"}
)


class _TreeIndex:
    """A module's nodes in pre-order (as ``nodes_of_class`` yields them), their positions by type, and the span
    of positions of each scope (module, class, function, lambda, comprehension): the nodes the checkers query."""

    def __init__(self, module: nodes.Module) -> None:
        self.span: dict[nodes.NodeNG, tuple[int, int]] = {}
        self.by_type: dict[type, array.array] = {}
        self.nodes: list[nodes.NodeNG] = []
        pending: list[tuple[nodes.NodeNG, Iterator[nodes.NodeNG] | None]] = [(module, None)]
        while pending:
            node, children = pending[-1]
            if children is None:
                self.by_type.setdefault(type(node), array.array("q")).append(len(self.nodes))
                if isinstance(node, nodes.LocalsDictNodeNG):
                    self.span[node] = (len(self.nodes), -1)
                self.nodes.append(node)
                children = node.get_children()
                pending[-1] = (node, children)
            child = next(children, None)
            if child is not None:
                pending.append((child, None))
                continue
            pending.pop()
            if node in self.span:
                self.span[node] = (self.span[node][0], len(self.nodes))

    def descendants(self, node: nodes.NodeNG, classes: type | tuple[type, ...]) -> list[nodes.NodeNG] | None:
        span = self.span.get(node)
        if span is None:
            return None
        first, end = span
        runs = []
        for kind, positions in self.by_type.items():
            if issubclass(kind, classes):
                runs.append(positions[bisect.bisect_left(positions, first) : bisect.bisect_left(positions, end)])
        if not runs:
            return []
        merged = runs[0] if len(runs) == 1 else heapq.merge(*runs)
        return [self.nodes[position] for position in merged]


class ModuleMemo(Generic[T]):
    """A value computed once per module, kept for the last few modules asked about: the checkers walk one module
    at a time, and a bounded memo (unlike a weak one whose values point back at their module) frees old trees."""

    instances: weakref.WeakSet[ModuleMemo] = weakref.WeakSet()

    def __init__(self, compute: Callable[[nodes.Module], T], size: int = 8) -> None:
        self.compute = compute
        self.size = size
        self.values: OrderedDict[nodes.Module, T] = OrderedDict()
        ModuleMemo.instances.add(self)

    @classmethod
    def forget_all(cls) -> None:
        """Empty every memo (a process that lints one buffer after another keeps no tree of an earlier one)."""
        for memo in cls.instances:
            memo.values.clear()

    def __call__(self, module: nodes.Module) -> T:
        try:
            self.values.move_to_end(module)
            return self.values[module]
        except KeyError:
            value = self.values[module] = self.compute(module)
            if len(self.values) > self.size:
                self.values.popitem(last=False)
            return value


_tree_index = ModuleMemo(_TreeIndex)


def descendants(node: nodes.NodeNG, classes: type | tuple[type, ...]) -> list[nodes.NodeNG]:
    """``node.nodes_of_class(classes)`` (the node itself included, pre-order) from an index built once per module:
    the checkers ask it many times per module and class."""
    root = node.root()
    if isinstance(root, nodes.Module):
        found = _tree_index(root).descendants(node, classes)
        if found is not None:
            return found
    return list(node.nodes_of_class(classes))


def methods(cls: nodes.ClassDef) -> Iterator[nodes.FunctionDef]:
    """The functions defined directly in a class body."""
    for statement in cls.body:
        if isinstance(statement, nodes.FunctionDef):
            yield statement


def self_name(method: nodes.FunctionDef) -> str | None:
    """The name of a method's instance argument, or None for static and class methods."""
    if method.type != "method":
        return None
    positional = [*method.args.posonlyargs, *method.args.args]
    return positional[0].name if positional else None


def self_attribute_reads(method: nodes.FunctionDef) -> Iterator[nodes.Attribute]:
    """``self.<name>`` loads in a method (``self`` being its first argument, not that of a method of a class
    defined inside it)."""
    name = self_name(method)
    if name is None:
        return
    for node in descendants(method, nodes.Attribute):
        if isinstance(node.expr, nodes.Name) and node.expr.name == name and node.expr.lookup(name)[0] is method:
            yield node


def name_offset(source: SourceText, node: nodes.NodeNG, name: str) -> int:
    """Character offset of the name that ends a node's position (``def forward``, ``x.size``)."""
    position = node.position
    if position is not None:  # defs and classes: tokenize's character columns
        return source.line_starts[position.end_lineno - 1] + position.end_col_offset - len(name)
    return end(source, node) - len(name)


def start(source: SourceText, node: nodes.NodeNG) -> int:
    return source.offset(node.lineno, node.col_offset)


def end(source: SourceText, node: nodes.NodeNG) -> int:
    return source.offset(node.end_lineno, node.end_col_offset)


def call_arguments(call: nodes.Call) -> list[nodes.NodeNG]:
    """Positional and keyword arguments of a call in source order."""
    return sorted([*call.args, *(call.keywords or ())], key=lambda arg: (arg.lineno, arg.col_offset))


def remove_argument(source: SourceText, call: nodes.Call, argument: nodes.NodeNG) -> tuple[int, int]:
    """The [start, end) range that removes one argument and its separating comma."""
    arguments = call_arguments(call)
    index = arguments.index(argument)
    if index > 0:
        return end(source, arguments[index - 1]), end(source, argument)
    if len(arguments) > 1:
        return start(source, argument), start(source, arguments[1])
    # The only argument: also drop a trailing comma up to the closing parenthesis.
    stop = end(source, argument)
    closing = source.text.index(")", stop)
    return start(source, argument), closing if source.text[stop:closing].strip() in ("", ",") else stop


def keyword(call: nodes.Call, name: str) -> nodes.Keyword | None:
    for candidate in call.keywords or ():
        if candidate.arg == name:
            return candidate
    return None


def is_super_init(call: nodes.Call) -> bool:
    """``super().__init__(...)``, ``super(C, self).__init__(...)`` or ``Base.__init__(self, ...)``."""
    func = call.func
    return isinstance(func, nodes.Attribute) and func.attrname == "__init__"


def first_statement_line(function: nodes.FunctionDef) -> nodes.NodeNG | None:
    """The first statement of a function body after its docstring."""
    body = [
        statement
        for statement in function.body
        if not (isinstance(statement, nodes.Expr) and isinstance(statement.value, nodes.Const) and isinstance(statement.value.value, str))
    ]
    return body[0] if body else None


def argument(call: nodes.Call, name: str, position: int | None = None) -> nodes.NodeNG | None:
    """The value passed as keyword ``name`` or, when given, at positional index ``position``."""
    given = keyword(call, name)
    if given is not None:
        return given.value
    if position is not None and position < len(call.args) and not any(isinstance(arg, nodes.Starred) for arg in call.args[: position + 1]):
        return call.args[position]
    return None


def int_value(node: nodes.NodeNG | None) -> int | None:
    """The value of an integer literal such as ``3`` or ``-1``."""
    if isinstance(node, nodes.UnaryOp) and node.op == "-":
        inner = int_value(node.operand)
        return -inner if inner is not None else None
    if isinstance(node, nodes.Const) and isinstance(node.value, int) and not isinstance(node.value, bool):
        return node.value
    return None


def literal_length(node: nodes.NodeNG | None) -> int | None:
    """The length of a list/tuple literal, also ``[x] * 200``."""
    if isinstance(node, (nodes.List, nodes.Tuple)) and not any(isinstance(elt, nodes.Starred) for elt in node.elts):
        return len(node.elts)
    if isinstance(node, nodes.BinOp) and node.op == "*":
        for sequence, count in ((node.left, node.right), (node.right, node.left)):
            length, times = literal_length(sequence), int_value(count)
            if length is not None and times is not None:
                return length * times
    return None


def is_builtin(name: nodes.Name) -> bool:
    """A name that resolves to the builtin of that name (not rebound in any enclosing scope)."""
    try:
        scope, _ = name.lookup(name.name)
    except Exception:  # astroid lookup can fail on broken trees  # pylint: disable=broad-except
        return False
    return isinstance(scope, nodes.Module) and scope.name == "builtins"


def bindings(name: nodes.Name) -> list[nodes.NodeNG] | None:
    """The statements that bind ``name`` where it is read (astroid's lookup); None when the lookup fails (it can on
    broken trees)."""
    try:
        return name.lookup(name.name)[1]
    except Exception:  # pylint: disable=broad-except
        return None


def is_unbound(name: nodes.Name) -> bool:
    """Nothing in scope binds the name: no import, assignment, parameter or global, and no star import that might."""
    if bindings(name) != []:
        return False
    return not any(imp.names[0][0] == "*" for imp in descendants(name.root(), nodes.ImportFrom))


def only_parameter(name: nodes.Name) -> tuple[nodes.Arguments, nodes.AssignName] | None:
    """The function parameter ``name`` reads, with the function's arguments, when the parameter is its only binding
    (the function never rebinds it)."""
    statements = bindings(name)
    if statements is None or len(statements) != 1:
        return None
    (parameter,) = statements
    if not isinstance(parameter, nodes.AssignName) or not isinstance(parameter.parent, nodes.Arguments):
        return None
    return parameter.parent, parameter


def dynamic_attribute_names(cls: nodes.ClassDef) -> set[str] | None:
    """Attribute names a class sets through setattr-like calls; None when a name is computed."""
    found: set[str] = set()
    for node in descendants(cls, (nodes.Call, nodes.Attribute)):
        if isinstance(node, nodes.Attribute) and node.attrname == "__dict__":
            return None
        if isinstance(node, nodes.Call):
            func = node.func
            called = func.attrname if isinstance(func, nodes.Attribute) else func.name if isinstance(func, nodes.Name) else None
            if called not in DYNAMIC_ATTRIBUTE_CALLS:
                continue
            name_arg = node.args[1] if called == "setattr" and len(node.args) > 1 else node.args[0] if node.args else None
            if not (isinstance(name_arg, nodes.Const) and isinstance(name_arg.value, str)):
                return None
            found.add(name_arg.value)
    return found
