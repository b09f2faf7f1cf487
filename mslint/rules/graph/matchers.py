"""AST matchers of the graph rules: each ``GraphFact`` names its matcher (see its ``ast_pattern``)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import astroid
from astroid import nodes

from mslint.analysis import ast_queries, names
from mslint.analysis.dtypes import certainly_differ
from mslint.analysis.graph_scope import (
    cell_attribute_class,
    find_method,
    is_cell,
    jit_decoration,
)
from mslint.analysis.graph_values import STR_METHODS, Body, attribute_values
from mslint.analysis.inference import inferred, only_inferred
from mslint.core.positions import SourceText
from mslint.engine.context import Span
from mslint.knowledge.facts import cell_facts, jit_forbidden


@dataclass(frozen=True)
class Hit:
    """A match the graph syntax table judges: the row its construct is, and the message's words for it."""

    node: nodes.NodeNG
    row: str  # a row id of mslint/knowledge/data/graph_syntax.json
    what: str  # the construct as the code writes it ("print() with flush=")
    advice: str  # what the graph supports instead
    levels: frozenset[str] | None = None  # the levels the code compiles at, when not its graph's (module scope)


Matcher = Callable[[Body], Iterator["nodes.NodeNG | Hit"]]

LIST_MUTATORS = frozenset({"append", "extend", "insert", "pop", "remove", "clear"})
LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "log"})
PARAMETER_LAYERS = re.compile(
    r"mindspore\.nn\.(Dense|BiDense|Conv[123]d(Transpose)?|Embedding|BatchNorm[123]d|LayerNorm|GroupNorm|"
    r"InstanceNorm[123]d|PReLU|LSTM|GRU|RNN|MultiheadAttention)$"
)
DYNAMIC_SHAPE_OPS = frozenset({"nonzero", "unique", "masked_select", "argwhere"})
NUMPY_DTYPE = re.compile(r"(u?int\d*|float\d*|bool_?|complex\d*|dtype|str_)$")
STR_KEEPS = frozenset({"format", "lower", "upper"})


def walk(body: Body, types) -> Iterator[nodes.NodeNG]:
    """Nodes of ``types`` in the function, outside classes defined in it."""
    for node in body.function.nodes_of_class(types, skip_klass=nodes.ClassDef):
        yield node


def calls(body: Body) -> Iterator[tuple[nodes.Call, str | None]]:
    """Every call with the qualified name of its callee (None for locals and methods)."""
    for call in walk(body, nodes.Call):
        yield call, names.qualified_name(call.func)


def method_calls(body: Body, methods: frozenset[str]) -> Iterator[nodes.Call]:
    for call in walk(body, nodes.Call):
        if isinstance(call.func, nodes.Attribute) and call.func.attrname in methods:
            yield call


def builtin_calls(body: Body, builtins: frozenset[str]) -> Iterator[nodes.Call]:
    for call in walk(body, nodes.Call):
        if isinstance(call.func, nodes.Name) and call.func.name in builtins and ast_queries.is_builtin(call.func):
            yield call


def _arguments(call: nodes.Call) -> list[nodes.NodeNG]:
    return [*call.args, *(keyword.value for keyword in call.keywords or ())]


def chain(*matchers: Matcher) -> Matcher:
    """A matcher of everything the given matchers find."""
    return lambda body: (found for matcher in matchers for found in matcher(body))


def node_types(types) -> Matcher:
    """A matcher of the node type alone."""
    return lambda body: walk(body, types)




def class_in_graph(body: Body) -> Iterator[nodes.NodeNG]:
    yield from ast_queries.descendants(body.function, nodes.ClassDef)


def multi_for(body: Body) -> Iterator[nodes.NodeNG]:
    for node in walk(body, (nodes.ListComp, nodes.GeneratorExp, nodes.DictComp)):
        if len(node.generators) >= 2:
            yield node


def loop_else(body: Body) -> Iterator[nodes.NodeNG]:
    for node in walk(body, (nodes.For, nodes.While)):
        if node.orelse:
            yield node.orelse[0]  # the checker reports the `else:` line above it


def classmethod_call(body: Body) -> Iterator[nodes.NodeNG]:
    owner = body.graph.owner
    for call in walk(body, nodes.Call):
        func = call.func
        if owner is None or not isinstance(func, nodes.Attribute) or not isinstance(func.expr, nodes.Name):
            continue
        if func.expr.name == body.self_name or func.expr.name == owner.name:
            method = find_method(owner, func.attrname)
            if method is not None and method.type == "classmethod":
                yield call


def iter_next(body: Body) -> Iterator[nodes.NodeNG]:
    yield from builtin_calls(body, frozenset({"iter", "next"}))


def parameter(body: Body) -> Iterator[nodes.NodeNG]:
    for call, name in calls(body):
        if name in ("mindspore.Parameter", "mindspore.nn.Parameter"):
            yield call


def forbidden_api(body: Body) -> Iterator[nodes.NodeNG]:
    owner = body.graph.owner
    for call in method_calls(body, frozenset(jit_forbidden().cell_methods)):
        receiver = call.func.expr
        if owner is not None and isinstance(receiver, nodes.Name) and receiver.name == body.self_name:
            if find_method(owner, call.func.attrname) is None:  # not overridden in the project
                yield call


def set_data(body: Body) -> Iterator[nodes.NodeNG]:
    yield from method_calls(body, jit_forbidden().object_methods)


def forbidden_function(body: Body) -> Iterator[nodes.NodeNG]:
    forbidden = jit_forbidden().functions
    for call, name in calls(body):
        if name in forbidden:
            yield call


def asnumpy(body: Body) -> Iterator[nodes.NodeNG]:
    for call in method_calls(body, frozenset({"asnumpy", "tolist"})):
        if not _arguments(call) and body.is_runtime(call.func.expr):
            yield call


def _module_call_on_runtime(body: Body, accept: Callable[[str], bool]) -> Iterator[nodes.NodeNG]:
    for call, name in calls(body):
        if name and accept(name) and any(body.tensor_like(argument) for argument in _arguments(call)):
            yield call


def numpy(body: Body) -> Iterator[nodes.NodeNG]:
    def accept(name: str) -> bool:
        return name.startswith("numpy.") and not name.startswith("numpy.random.") and not NUMPY_DTYPE.match(name.rsplit(".", 1)[1])

    yield from _module_call_on_runtime(body, accept)


def math(body: Body) -> Iterator[nodes.NodeNG]:
    yield from _module_call_on_runtime(body, lambda name: name.startswith("math."))


def builtin_on_tensor(body: Body) -> Iterator[nodes.NodeNG]:
    for call in builtin_calls(body, frozenset({"complex", "divmod"})):  # the table judges the other built-ins
        if any(body.tensor_like(argument) for argument in _arguments(call)):
            yield call


def tensor_from_runtime(body: Body) -> Iterator[nodes.NodeNG]:
    for call, name in calls(body):
        if name in ("mindspore.Tensor", "mindspore.tensor") and call.args and body.host_conversion(call.args[0]):
            yield call


def _str_valued(body: Body, node: nodes.NodeNG) -> bool:
    """A str constant, or ``self.<attr>`` that the class only ever assigns str constants."""
    if isinstance(node, nodes.Const):
        return isinstance(node.value, str)
    owner = body.graph.owner
    if owner is None or not body.self_attribute(node):
        return False
    values = attribute_values(owner, node.attrname)
    return bool(values) and all(isinstance(v, nodes.Const) and isinstance(v.value, str) for v in values)


def str_method(body: Body) -> Iterator[nodes.NodeNG]:
    for call in method_calls(body, STR_METHODS - STR_KEEPS):
        if _str_valued(body, call.func.expr):
            yield call
    for call in builtin_calls(body, frozenset({"len"})):
        if call.args and _str_valued(body, call.args[0]):
            yield call


def _is_parameter_call(value: nodes.NodeNG | None) -> bool:
    return isinstance(value, nodes.Call) and names.qualified_name(value.func) in ("mindspore.Parameter", "mindspore.nn.Parameter")


def attr_assign(body: Body) -> Iterator[nodes.NodeNG]:
    owner = body.graph.owner
    if owner is None:
        return
    for target in walk(body, nodes.AssignAttr):
        if not body.self_attribute(target) or target.attrname in cell_facts().cell_attributes:
            continue
        values = attribute_values(owner, target.attrname)
        statement = target.statement()
        if values is None or not isinstance(statement, (nodes.Assign, nodes.AugAssign)):
            continue
        outside = [v for v in values if v.frame() is not body.function]
        if not any(_is_parameter_call(v) or isinstance(v, (nodes.AssignAttr, nodes.AssignName)) for v in outside):
            yield statement


def _dict_attribute(body: Body, node: nodes.NodeNG) -> bool:
    """``self.<attr>`` that the class assigns a dict or list display (outside this function)."""
    owner = body.graph.owner
    if owner is None or not body.self_attribute(node):
        return False
    values = attribute_values(owner, node.attrname)
    init_values = [v for v in values or () if v.frame() is not body.function]
    return bool(init_values) and all(isinstance(v, (nodes.Dict, nodes.DictComp, nodes.List, nodes.ListComp)) for v in init_values)


def dict_attr_subscript(body: Body) -> Iterator[nodes.NodeNG]:
    for assign in walk(body, nodes.Assign):
        for target in assign.targets:
            if isinstance(target, nodes.Subscript) and _dict_attribute(body, target.value):
                yield assign


def _list_valued(value: nodes.NodeNG | None) -> bool:
    return isinstance(value, (nodes.List, nodes.ListComp)) or (
        isinstance(value, nodes.Call) and isinstance(value.func, nodes.Name) and value.func.name == "list"
    )


def _module_list(name: nodes.Name) -> bool:
    try:
        scope, statements = name.lookup(name.name)
    except Exception:  # pylint: disable=broad-except
        return False
    return isinstance(scope, nodes.Module) and bool(statements) and all(
        isinstance(s, nodes.AssignName) and isinstance(s.parent, (nodes.Assign, nodes.AnnAssign)) and _list_valued(s.parent.value)
        for s in statements
    )


def container_mutation(body: Body) -> Iterator[nodes.NodeNG]:
    owner = body.graph.owner
    for call in method_calls(body, LIST_MUTATORS):
        receiver = call.func.expr
        if isinstance(receiver, nodes.Name) and _module_list(receiver):
            yield call
        elif owner is not None and body.self_attribute(receiver):
            values = attribute_values(owner, receiver.attrname)
            if values and all(_list_valued(v) for v in values):
                yield call


def global_mutation(body: Body) -> Iterator[nodes.NodeNG]:
    for node in walk(body, nodes.Global):
        frame = node.frame()
        if any(a.name in node.names and a.frame() is frame for a in ast_queries.descendants(frame, nodes.AssignName)):
            yield node


def _rebinding_functions(module: nodes.Module, name: str, reader: nodes.FunctionDef) -> list[nodes.FunctionDef]:
    """Functions other than ``reader`` that rebind the module constant ``name`` (``global name``) when
    the module binds it once to a number/str/bool (rebinding in the graph itself is
    ms-graph-global-mutation-lost)."""
    statements = [s for s in module.locals.get(name, []) if s.frame() is module]
    if len(statements) != 1 or not isinstance(statements[0], nodes.AssignName) or not isinstance(statements[0].parent, nodes.Assign):
        return []
    value = statements[0].parent.value
    if not isinstance(value, nodes.Const) or not isinstance(value.value, (int, float, str)):
        return []
    return [g.frame() for g in ast_queries.descendants(module, nodes.Global) if name in g.names and g.frame() is not reader]


def _runs_graph(call: nodes.Call) -> bool:
    """A call of a Cell instance or of an ``ms.jit`` function: it compiles (or reuses) a graph."""
    for value in inferred(call.func):
        if isinstance(value, astroid.Instance) and isinstance(value._proxied, nodes.ClassDef) and is_cell(value._proxied):
            return True
        if isinstance(value, nodes.FunctionDef) and jit_decoration(value)[0]:
            return True
    return False


def after_graph_run(node: nodes.NodeNG) -> bool:
    """``node`` runs after a graph has run: inside a loop, or later than a call of a Cell/jit function in
    the same body. Before any compile (setup such as ``set_distributed()``) a change is still seen."""
    frame = node.frame()
    if any(isinstance(parent, (nodes.For, nodes.While)) for parent in node.node_ancestors() if parent.frame() is frame):
        return True
    return any(_runs_graph(call) for call in ast_queries.descendants(frame, nodes.Call) if call.frame() is frame and call.lineno < node.lineno)


def called_after_compile(module: nodes.Module, function: nodes.FunctionDef) -> bool:
    """``function`` is called in the module after a graph has run."""
    return any(
        isinstance(call.func, nodes.Name) and call.func.name == function.name and call.frame() is not function and after_graph_run(call)
        for call in ast_queries.descendants(module, nodes.Call)
    )


def frozen_global(body: Body) -> Iterator[nodes.NodeNG]:
    module = body.function.root()
    for name in walk(body, nodes.Name):
        try:
            scope, _ = name.lookup(name.name)
        except Exception:  # pylint: disable=broad-except
            continue
        if scope is module and any(called_after_compile(module, f) for f in _rebinding_functions(module, name.name, body.function)):
            yield name


def frozen_attr(body: Body) -> Iterator[nodes.NodeNG]:
    owner = body.graph.owner
    if owner is None:
        return
    for node in walk(body, nodes.Attribute):
        if not body.self_attribute(node) or not isinstance(node.parent, (nodes.BinOp, nodes.Call, nodes.Compare, nodes.Return)):
            continue
        values = attribute_values(owner, node.attrname)
        if values and all(isinstance(v, nodes.Const) and not isinstance(v.value, str) for v in values):
            if _set_from_outside(owner, node.attrname, body.function):
                yield node


def _set_from_outside(owner: nodes.ClassDef, attribute: str, reader: nodes.FunctionDef) -> bool:
    """``self.<attribute> = ...`` in a method other than ``__init__`` and the graph function that reads it (it runs
    between calls), or ``obj.<attribute> = ...`` after a graph has run, where ``obj`` is inferred to be an ``owner``."""
    for target in ast_queries.descendants(owner.root(), nodes.AssignAttr):
        if target.attrname != attribute or not isinstance(target.expr, nodes.Name):
            continue
        frame = target.frame()
        if frame is reader:
            continue
        on_self = isinstance(frame, nodes.FunctionDef) and frame.type == "method" and target.expr.name == ast_queries.self_name(frame)
        if frame.name == "__init__" and on_self or not on_self and not after_graph_run(target):
            continue
        value = only_inferred(target.expr)
        if isinstance(value, astroid.Instance) and value._proxied is owner:
            return True
    return False


def _module_prefix_calls(body: Body, prefixes: tuple[str, ...]) -> Iterator[nodes.NodeNG]:
    for call, name in calls(body):
        if name and name.startswith(prefixes):
            yield call


def python_random(body: Body) -> Iterator[nodes.NodeNG]:
    yield from _module_prefix_calls(body, ("random.", "numpy.random."))


def time(body: Body) -> Iterator[nodes.NodeNG]:
    yield from _module_prefix_calls(body, ("time.", "datetime."))


def _is_logger(name: nodes.Name) -> bool:
    try:
        scope, statements = name.lookup(name.name)
    except Exception:  # pylint: disable=broad-except
        return False
    return isinstance(scope, nodes.Module) and len(statements) == 1 and isinstance(statements[0].parent, nodes.Assign) and isinstance(
        statements[0].parent.value, nodes.Call
    ) and names.qualified_name(statements[0].parent.value.func) == "logging.getLogger"


def logging(body: Body) -> Iterator[nodes.NodeNG]:
    for call in method_calls(body, LOG_METHODS):
        receiver = call.func.expr
        if names.qualified_name(receiver) == "logging" or (isinstance(receiver, nodes.Name) and _is_logger(receiver)):
            yield call


def cell_in_graph(body: Body) -> Iterator[nodes.NodeNG]:
    for call, name in calls(body):
        if name and PARAMETER_LAYERS.match(name):
            yield call


def _formatted(body: Body) -> Iterator[nodes.NodeNG]:
    for node in walk(body, nodes.FormattedValue):
        if node.format_spec is None and node.conversion == -1:
            yield node.value


def fstring_format(body: Body) -> Iterator[nodes.NodeNG]:
    for value in _formatted(body):
        constant = isinstance(value, nodes.Const) and isinstance(value.value, (float, bool))
        if constant or isinstance(value, nodes.Tuple) or (isinstance(value, nodes.Attribute) and value.attrname == "shape"):
            yield value.parent.parent


def fstring_tensor(body: Body) -> Iterator[nodes.NodeNG]:
    for value in _formatted(body):
        if body.is_tensor(value) or (isinstance(value, nodes.Name) and body.input_name(value)):
            yield value.parent.parent


def return_dict(body: Body) -> Iterator[nodes.NodeNG]:
    if not body.graph.entry:
        return
    for node in walk(body, nodes.Return):
        if node.frame() is body.function and isinstance(node.value, (nodes.Dict, nodes.DictComp)):
            yield node


def input_setitem(body: Body) -> Iterator[nodes.NodeNG]:
    for node in walk(body, (nodes.Assign, nodes.AugAssign)):
        targets = node.targets if isinstance(node, nodes.Assign) else [node.target]
        if any(isinstance(t, nodes.Subscript) and body.input_name(t.value) and body.used_as_tensor(t.value.name) for t in targets):
            yield node


def input_augassign(body: Body) -> Iterator[nodes.NodeNG]:
    for node in walk(body, nodes.AugAssign):
        target = node.target
        if isinstance(target, nodes.AssignName) and node.frame() is body.function:
            passed = target.name in body.tensor_arguments  # a caller passes a Tensor: `x += 1` changes it
            if isinstance(node.value, nodes.Const) and not passed or not body.is_input(target.name, node.lineno):
                continue
            if passed:
                yield node
                continue
            if _tensor_input(body, target.name) or body.is_runtime(node.value):
                yield node


def _tensor_input(body: Body, name: str) -> bool:
    """The name (or the parameter it aliases) is used as a tensor."""
    if body.used_as_tensor(name):
        return True
    return any(
        isinstance(a.value, nodes.Name) and a.value.name in body.parameters and body.used_as_tensor(a.value.name)
        for a in ast_queries.descendants(body.function, nodes.Assign)
        if any(isinstance(t, nodes.AssignName) and t.name == name for t in a.targets)
    )


def input_inplace(body: Body) -> Iterator[nodes.NodeNG]:
    for call in walk(body, nodes.Call):
        func = call.func
        if isinstance(func, nodes.Attribute) and func.attrname.endswith("_") and not func.attrname.startswith("_"):
            if body.input_name(func.expr):
                yield call


def _tensor_if(body: Body, node: nodes.NodeNG) -> bool:
    return isinstance(node, nodes.If) and body.is_tensor(node.test)


def tensor_raise(body: Body) -> Iterator[nodes.NodeNG]:
    for node in walk(body, nodes.Assert):
        if body.is_tensor(node.test):
            yield node
    for node in walk(body, nodes.Raise):
        if any(_tensor_if(body, parent) for parent in node.node_ancestors() if parent is not body.function):
            yield node


def value_range(body: Body) -> Iterator[nodes.NodeNG]:
    for loop in walk(body, nodes.For):
        it = loop.iter
        if isinstance(it, nodes.Call) and isinstance(it.func, nodes.Name) and it.func.name == "range" and any(body.host_conversion(a) for a in it.args):
            yield loop


def dynamic_shape(body: Body) -> Iterator[nodes.NodeNG]:
    for call, name in calls(body):
        if name and name.startswith("mindspore.ops.") and name.rsplit(".", 1)[1] in DYNAMIC_SHAPE_OPS:
            yield call
        elif name is None and isinstance(call.func, nodes.Attribute) and call.func.attrname in DYNAMIC_SHAPE_OPS and body.is_runtime(call.func.expr):
            yield call
    for node in walk(body, nodes.Subscript):
        if isinstance(node.slice, nodes.Compare) and body.is_tensor(node.slice):
            yield node


def _terminates(statements: list[nodes.NodeNG]) -> bool:
    return bool(statements) and isinstance(statements[-1], (nodes.Return, nodes.Raise, nodes.Continue, nodes.Break))


def _assigned(statements: list[nodes.NodeNG]) -> set[str]:
    return {a.name for s in statements for a in [*([s] if isinstance(s, nodes.AssignName) else []), *s.nodes_of_class(nodes.AssignName)]}


def branch_only(body: Body) -> Iterator[nodes.NodeNG]:
    function = body.function
    for index, node in enumerate(function.body):
        if not _tensor_if(body, node) or _terminates(node.body) or _terminates(node.orelse):
            continue
        only = _assigned(node.body) ^ _assigned(node.orelse)
        only = {name for name in only if name not in body.parameters and not body.rebound_before(name, node.lineno)}
        for later in function.body[index + 1 :]:
            loads = [n for n in later.nodes_of_class(nodes.Name) if n.name in only]
            if loads:
                yield loads[0]
                break
            only -= _assigned([later])


def _kind(value: nodes.NodeNG | None) -> str:
    if value is None or (isinstance(value, nodes.Const) and isinstance(value.value, (int, float, str, type(None)))):
        return "python"
    return "other"


def branch_type(body: Body) -> Iterator[nodes.NodeNG]:
    statements = body.function.body
    for index, node in enumerate(statements):
        if not _tensor_if(body, node) or not node.body or not isinstance(node.body[-1], nodes.Return):
            continue
        other = node.orelse[-1] if node.orelse else statements[index + 1] if index + 1 < len(statements) else None
        if not isinstance(other, nodes.Return):
            continue
        first, second = node.body[-1], other
        for python, tensor in ((first, second), (second, first)):
            if _kind(python.value) == "python" and tensor.value is not None and body.is_runtime(tensor.value):
                yield python


def tensor_key(body: Body) -> Iterator[nodes.NodeNG]:
    for node in walk(body, nodes.Dict):
        if any(body.is_tensor(key) or body.tensor_value(key) for key, _ in node.items if key is not None):
            yield node


def nonconst_getattr(body: Body) -> Iterator[nodes.NodeNG]:
    for call in builtin_calls(body, frozenset({"getattr"})):
        if len(call.args) >= 2 and body.is_tensor(call.args[1]):
            yield call


def jit_class(cls: nodes.ClassDef) -> bool:
    decorators = cls.decorators.nodes if cls.decorators else []
    return any((names.qualified_name(d) or "").endswith("jit_class") for d in decorators)


def plain_context(body: Body) -> Iterator[nodes.NodeNG]:
    for node in walk(body, nodes.With):
        for expression, _ in node.items:
            if names.is_mindspore_name(names.qualified_name(expression)):
                continue
            value = only_inferred(expression)
            if isinstance(value, astroid.Instance) and isinstance(value._proxied, nodes.ClassDef):
                cls = value._proxied
                if cls.root().name not in ("builtins",) and not names.is_mindspore_name(cls.root().name) and not jit_class(cls):
                    if "__enter__" in cls.locals:
                        yield node
                        break


def lambda_shared(body: Body) -> Iterator[nodes.NodeNG]:
    for name in walk(body, nodes.Name):
        if not (isinstance(name.parent, nodes.Subscript) and isinstance(name.parent.parent, nodes.Call) and name.parent.parent.func is name.parent):
            continue
        try:
            scope, statements = name.lookup(name.name)
        except Exception:  # pylint: disable=broad-except
            continue
        if not isinstance(scope, nodes.Module) or len(statements) != 1 or not isinstance(statements[0].parent, nodes.Assign):
            continue
        container = statements[0].parent.value
        if isinstance(container, (nodes.Dict, nodes.List, nodes.Tuple)):
            lambdas = list(container.nodes_of_class(nodes.Lambda))
            lines = [lam.lineno for lam in lambdas]
            if any(lines.count(line) > 1 or line == container.lineno for line in lines):
                yield statements[0].parent


def _accepts(construct: nodes.FunctionDef, call: nodes.Call) -> bool:
    """Whether ``call`` (without ``self``) fits the parameters of ``construct``."""
    args = construct.args
    positional = [*args.posonlyargs, *args.args][1:]
    defaults = len(args.defaults)
    if len(call.args) > len(positional) and not args.vararg:
        return False
    given = {keyword.arg for keyword in call.keywords or ()}
    required = [p.name for p in positional[: len(positional) - defaults]][len(call.args):]
    required += [p.name for p, default in zip(args.kwonlyargs, args.kw_defaults) if default is None]
    return all(name in given for name in required) and (bool(args.kwarg) or given <= {p.name for p in [*positional, *args.kwonlyargs]})


def subcell_arg_count(body: Body) -> Iterator[nodes.NodeNG]:
    owner = body.graph.owner
    if owner is None:
        return
    for call in walk(body, nodes.Call):
        func = call.func
        if not (isinstance(func, nodes.Attribute) and isinstance(func.expr, nodes.Name) and func.expr.name == body.self_name):
            continue
        if find_method(owner, func.attrname) is not None or any(isinstance(a, nodes.Starred) for a in call.args):
            continue
        if any(keyword.arg is None for keyword in call.keywords or ()):
            continue
        cls = cell_attribute_class(owner, func.attrname)
        construct = find_method(cls, "construct") if cls is not None else None
        if construct is None or find_method(cls, "__call__") is not None or construct.type != "method":
            continue
        if not _accepts(construct, call):
            yield call


def cell_sequence(body: Body, node: nodes.NodeNG) -> bool:
    """``self.<attr>`` that __init__ assigns an nn.CellList(...) or a tuple/list of Cell instances."""
    owner = body.graph.owner
    if owner is None or not body.self_attribute(node):
        return False
    values = attribute_values(owner, node.attrname)
    if not values:
        return False
    for value in values:
        if isinstance(value, nodes.Call) and names.qualified_name(value.func) == "mindspore.nn.CellList":
            continue
        if isinstance(value, (nodes.Tuple, nodes.List)) and value.elts and all(_cell_instance(e) for e in value.elts):
            continue
        return False
    return True


def _cell_instance(node: nodes.NodeNG) -> bool:
    if not isinstance(node, nodes.Call):
        return False
    name = names.qualified_name(node.func)
    if name is not None and names.is_mindspore_name(name):
        return name in cell_facts().cell_classes
    value = only_inferred(node.func)
    return isinstance(value, nodes.ClassDef) and is_cell(value)


def cell_list_tensor_index(body: Body) -> Iterator[nodes.NodeNG]:
    for node in walk(body, nodes.Subscript):
        index = node.slice
        passed = isinstance(index, nodes.Name) and body.tensor_arguments.get(index.name) == "int32"  # an int32 index works
        tensor = body.is_tensor(index) or (body.tensor_input(index) and not passed)
        if tensor and cell_sequence(body, node.value):
            yield node


def _branch_values(branch: list[nodes.NodeNG]) -> dict[str, nodes.NodeNG]:
    """Name -> value of the last plain ``name = value`` statement of a branch (top level only)."""
    found: dict[str, nodes.NodeNG] = {}
    for statement in branch:
        if isinstance(statement, nodes.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], nodes.AssignName):
            found[statement.targets[0].name] = statement
        else:
            for name in _assigned([statement]):
                found.pop(name, None)
    return found


def branch_dtype(body: Body) -> Iterator[nodes.NodeNG]:
    statements = body.function.body
    for index, node in enumerate(statements):
        if not _tensor_if(body, node):
            continue
        if node.body and isinstance(node.body[-1], nodes.Return) and node.body[-1].value is not None:
            other = node.orelse[-1] if node.orelse else statements[index + 1] if index + 1 < len(statements) else None
            if isinstance(other, nodes.Return) and other.value is not None and certainly_differ(node.body[-1].value, other.value):
                yield node.body[-1]
                continue
        before = _branch_values(statements[:index])
        then, otherwise = _branch_values(node.body), {**before, **_branch_values(node.orelse)} if node.orelse else before
        used = {n.name for later in statements[index + 1 :] for n in later.nodes_of_class(nodes.Name)}
        for name, assign in then.items():
            if name in otherwise and name in used and certainly_differ(assign.value, otherwise[name].value):
                yield assign


def _sequence_call(body: Body, functions: frozenset[str], primitive: str) -> Iterator[nodes.Call]:
    """Calls of ``functions`` (or ``Primitive()(...)``) whose tuple/list argument mixes certainly different dtypes."""
    for call, name in calls(body):
        if name is None and isinstance(call.func, nodes.Call):
            name = names.qualified_name(call.func.func)
            name = name if name == primitive else None
        if name not in functions and name != primitive or not call.args:
            continue
        items = call.args[0]
        if isinstance(items, (nodes.Tuple, nodes.List)):
            elements = items.elts
            if any(certainly_differ(a, b) for i, a in enumerate(elements) for b in elements[i + 1 :]):
                yield call


def stack_mixed(body: Body) -> Iterator[nodes.NodeNG]:
    yield from _sequence_call(body, frozenset({"mindspore.ops.stack", "mindspore.mint.stack"}), "mindspore.ops.Stack")


def cat_mixed(body: Body) -> Iterator[nodes.NodeNG]:
    functions = frozenset({"mindspore.ops.cat", "mindspore.ops.concat", "mindspore.mint.cat", "mindspore.mint.concat"})
    yield from _sequence_call(body, functions, "mindspore.ops.Concat")


def loop_only(body: Body) -> Iterator[nodes.NodeNG]:
    function = body.function
    for index, node in enumerate(function.body):
        if not isinstance(node, (nodes.For, nodes.While)):
            continue
        targets = _assigned([node.target]) if isinstance(node, nodes.For) else set()
        inside = {a.name for s in node.body for a in s.nodes_of_class(nodes.AssignName) if a.scope() is function}
        only = {name for name in inside - targets if name not in body.parameters and not body.rebound_before(name, node.lineno)}
        for later in function.body[index + 1 :]:
            only -= _assigned([later])  # a later statement that binds the name may bind it before reading it
            loads = [n for n in later.nodes_of_class(nodes.Name) if n.name in only and n.scope() is function]
            if loads:
                yield loads[0]
                break


def _left_of_def(function: nodes.FunctionDef, line: str) -> bool:
    return bool(line.strip()) and len(line) - len(line.lstrip()) < function.col_offset


def source_lines(module: nodes.Module) -> list[str]:
    """The module's source lines (empty when astroid has no file for it)."""
    try:
        with module.stream() as stream:
            return stream.read().decode("utf-8", errors="replace").splitlines()
    except (OSError, AttributeError, TypeError):
        return []


def comment_indent(body: Body) -> Iterator[nodes.NodeNG]:
    function = body.function
    lines = source_lines(function.root())
    if not lines or not function.col_offset:
        return
    in_strings: set[int] = set()
    for const in walk(body, nodes.Const):
        if isinstance(const.value, str) and const.end_lineno and const.end_lineno > const.lineno:
            rows = range(const.lineno + 1, const.end_lineno + 1)
            in_strings.update(rows)
            if any(_left_of_def(function, lines[row - 1]) for row in rows if row <= len(lines)):
                yield const
    statements = [n for n in ast_queries.descendants(function, nodes.NodeNG) if n.is_statement and n is not function]
    for row in range(function.lineno + 1, (function.end_lineno or function.lineno) + 1):
        text = lines[row - 1] if row <= len(lines) else ""
        if row not in in_strings and text.lstrip().startswith("#") and _left_of_def(function, text):
            following = [s for s in statements if s.lineno > row]
            if following:
                yield min(following, key=lambda s: (s.lineno, s.col_offset))  # the checker reports the comment line


def _jit_class_of(call: nodes.Call) -> bool:
    value = only_inferred(call.func)
    return isinstance(value, nodes.ClassDef) and jit_class(value)


def jit_class_runtime(body: Body) -> Iterator[nodes.NodeNG]:
    for call in walk(body, nodes.Call):
        arguments = _arguments(call)
        tensor = any(body.is_tensor(a) or body.tensor_value(a) for a in arguments)
        if tensor and _jit_class_of(call):
            yield call


def _positional_count(function: nodes.FunctionDef) -> int | None:
    """Parameters after ``self``; None when variadic, keyword-only or defaulted parameters make it unclear."""
    args = function.args
    if args.vararg or args.kwarg or args.kwonlyargs or args.defaults:
        return None
    return len([*args.posonlyargs, *args.args]) - 1


def bprop_signature(body: Body) -> Iterator[nodes.NodeNG]:
    owner = body.graph.owner
    if owner is None or body.function.name != "construct" or find_method(owner, "construct") is not body.function:
        return
    bprop = find_method(owner, "bprop")
    expected, got = _positional_count(body.function), _positional_count(bprop) if bprop is not None else None
    if expected is not None and got is not None and got != expected + 2:
        yield bprop


# Where two findings are shown when the matched node is not the construct itself.


def else_keyword_span(source: SourceText, first: nodes.NodeNG) -> Span:
    """The ``else:`` keyword above a loop's first else statement."""
    line = first.lineno - 1
    while line > 1 and not source.line_text(line).lstrip().startswith("else"):
        line -= 1
    return Span.keyword(line, source, "else")


def comment_span(source: SourceText, following: nodes.NodeNG) -> Span | None:
    """The comment line left of its def, above the statement that follows it (None on a docstring match)."""
    if isinstance(following, nodes.Const):
        return None
    function = following.frame()
    line = following.lineno - 1
    while line > function.lineno:
        text = source.line_text(line)
        if text.lstrip().startswith("#") and len(text) - len(text.lstrip()) < function.col_offset:
            break
        line -= 1
    text = source.line_text(line)
    column = len(text.encode("utf-8")) - len(text.lstrip().encode("utf-8"))
    return Span(line, column, line, len(text.rstrip().encode("utf-8")))
