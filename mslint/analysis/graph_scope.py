"""Which functions of a module MindSpore compiles as graph code, and at which jit_syntax_level.

Roots are ``ms.jit`` functions (compiled in every mode) and, when the module runs in GRAPH_MODE
(``set_context(mode=GRAPH_MODE)`` in the module, or ``graph-mode=always``), the ``construct`` of
every Cell subclass and the functions given to ``ms.value_and_grad``/``ms.grad``/``GradOperation``.
Everything a root calls (``self`` methods through the class hierarchy, ``super()`` methods,
sub-cells' ``construct``, module functions, imported project functions) is graph code at the
root's level. See docs/graph_mode.md.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from astroid import nodes

from mslint.analysis import ast_queries, names
from mslint.analysis.inference import only_inferred
from mslint.analysis.target import SET_CONTEXT, sets_graph_mode
from mslint.core.settings import Settings
from mslint.knowledge.facts import cell_facts

JIT_DECORATORS = frozenset({"mindspore.jit", "mindspore.ms_function", "mindspore.api.jit", "mindspore.api.ms_function"})
GRAD_FUNCTIONS = frozenset(
    {"mindspore.value_and_grad", "mindspore.grad", "mindspore.ops.value_and_grad", "mindspore.ops.grad"}
)
GRAD_OPERATION = "mindspore.ops.GradOperation"
LEVEL_CONSTANTS = {"STRICT": "strict", "COMPATIBLE": "compatible", "LAX": "lax"}
ENV_LEVELS = {"0": "strict", "1": "compatible", "2": "lax"}
ENV_LEVEL_KEY = "MS_DEV_JIT_SYNTAX_LEVEL"
DEFAULT_LEVEL = "lax"  # MindSpore 2.10's default


@dataclass
class GraphFunction:
    """A function or method compiled as graph code."""

    function: nodes.FunctionDef
    owner: nodes.ClassDef | None  # the Cell class whose ``self`` the method runs on
    levels: set[str] = field(default_factory=set)
    entry: bool = False  # a top-level graph: its parameters are the caller's objects


def _called_name(call: nodes.Call) -> str | None:
    return names.qualified_name(call.func)


def _level_constant(node: nodes.NodeNG) -> str | None:
    """``ms.STRICT`` / ``STRICT`` / ``mindspore.LAX`` as a level name."""
    name = node.attrname if isinstance(node, nodes.Attribute) else node.name if isinstance(node, nodes.Name) else None
    return LEVEL_CONSTANTS.get(name or "")


def _set_context_calls(module: nodes.Module) -> Iterator[nodes.Call]:
    for call in ast_queries.descendants(module, nodes.Call):
        name = _called_name(call)
        if name in SET_CONTEXT:
            yield call


def context_level(module: nodes.Module) -> str | None:
    """The level of ``set_context(jit_syntax_level=ms.STRICT|COMPATIBLE|LAX)`` in the module."""
    for call in _set_context_calls(module):
        level = ast_queries.keyword(call, "jit_syntax_level")
        if level is not None and _level_constant(level.value):
            return _level_constant(level.value)
    return None


def environment_level(module: nodes.Module) -> str | None:
    """The level set by ``os.environ['MS_DEV_JIT_SYNTAX_LEVEL'] = '0'`` (or ``setdefault``) in the module."""
    for node in ast_queries.descendants(module, (nodes.Assign, nodes.Call)):
        if isinstance(node, nodes.Assign):
            pairs = [(target.slice, node.value) for target in node.targets if isinstance(target, nodes.Subscript)]
        elif isinstance(node.func, nodes.Attribute) and node.func.attrname == "setdefault" and len(node.args) == 2:
            pairs = [(node.args[0], node.args[1])]
        else:
            continue
        for key, value in pairs:
            if isinstance(key, nodes.Const) and key.value == ENV_LEVEL_KEY and isinstance(value, nodes.Const):
                if str(value.value) in ENV_LEVELS:
                    return ENV_LEVELS[str(value.value)]
    return None


def _jit_call(node: nodes.NodeNG) -> nodes.Call | None:
    """``ms.jit(...)`` as a call (decorator with arguments or wrapper); None for a bare ``@ms.jit``."""
    return node if isinstance(node, nodes.Call) and _called_name(node) in JIT_DECORATORS else None


def _fullgraph_level(call: nodes.Call | None) -> str:
    fullgraph = ast_queries.keyword(call, "fullgraph") if call is not None else None
    strict = fullgraph is not None and isinstance(fullgraph.value, nodes.Const) and fullgraph.value.value is True
    return "strict" if strict else DEFAULT_LEVEL


def jit_decoration(function: nodes.FunctionDef) -> tuple[bool, str]:
    """(decorated with ms.jit / ms_function, the level its ``fullgraph`` gives)."""
    for decorator in function.decorators.nodes if function.decorators else ():
        if names.qualified_name(decorator) in JIT_DECORATORS:
            return True, DEFAULT_LEVEL
        call = _jit_call(decorator)
        if call is not None:
            return True, _fullgraph_level(call)
    return False, DEFAULT_LEVEL


def is_cell(cls: nodes.ClassDef) -> bool:
    return names.is_cell_class(cls, cell_facts().cell_classes)


def find_method(cls: nodes.ClassDef, name: str, skip_self: bool = False) -> nodes.FunctionDef | None:
    """The method ``name`` as ``cls`` (or, with ``skip_self``, its bases) resolves it among project classes."""
    hierarchy, _, _ = names.ancestors(cls)
    for owner in hierarchy[1:] if skip_self else hierarchy:
        for method in ast_queries.methods(owner):
            if method.name == name:
                return method
    return None


def cell_attribute_class(owner: nodes.ClassDef, attribute: str) -> nodes.ClassDef | None:
    """The project Cell class assigned to ``self.<attribute>`` in the class hierarchy, when it is unique."""
    found: set[nodes.ClassDef] = set()
    hierarchy, _, _ = names.ancestors(owner)
    for cls in hierarchy:
        for assign in cls.instance_attrs.get(attribute, ()):
            value = assign.parent.value if isinstance(assign.parent, (nodes.Assign, nodes.AnnAssign)) else None
            inferred = _infer_class(value.func) if isinstance(value, nodes.Call) else None
            if inferred is None:
                return None
            found.add(inferred)
    return found.pop() if len(found) == 1 and is_cell(next(iter(found))) else None


def _infer_class(node: nodes.NodeNG) -> nodes.ClassDef | None:
    if names.is_mindspore_name(names.qualified_name(node)):
        return None
    value = only_inferred(node)
    return value if isinstance(value, nodes.ClassDef) else None


def _module_function(name: nodes.Name) -> nodes.FunctionDef | None:
    """A module-level function (of this module, or a project module it imports) that ``name`` refers to."""
    qualname = names.qualified_name(name)
    if names.is_mindspore_name(qualname) or names.is_torch_name(qualname):
        return None
    value = only_inferred(name)
    if isinstance(value, nodes.FunctionDef) and isinstance(value.parent, nodes.Module):
        return value
    return None


def callees(graph: GraphFunction) -> Iterator[tuple[nodes.FunctionDef, nodes.ClassDef | None]]:
    """The functions a graph function calls, with the class their ``self`` belongs to."""
    function, owner = graph.function, graph.owner
    self_name = ast_queries.self_name(function) if owner is not None else None
    for call in ast_queries.descendants(function, nodes.Call):
        func = call.func
        if isinstance(func, nodes.Name):
            target = _module_function(func)
            if target is not None:
                yield target, None
            continue
        if owner is None or not isinstance(func, nodes.Attribute):
            continue
        receiver = func.expr
        if isinstance(receiver, nodes.Name) and receiver.name == self_name:
            method = find_method(owner, func.attrname)
            if method is not None:
                if method.type != "classmethod":
                    yield method, owner
                continue
            cls = cell_attribute_class(owner, func.attrname)
            construct = find_method(cls, "construct") if cls is not None else None
            if construct is not None:
                yield construct, cls
        elif isinstance(receiver, nodes.Call) and isinstance(receiver.func, nodes.Name) and receiver.func.name == "super":
            method = find_method(owner, func.attrname, skip_self=True)
            if method is not None and method.type != "classmethod":
                yield method, owner


def _levels(settings: Settings, module: nodes.Module) -> tuple[str | None, str]:
    """(level forced by configuration or MS_DEV_JIT_SYNTAX_LEVEL, level of GRAPH_MODE Cells)."""
    if settings.jit_syntax_level != "auto":
        return settings.jit_syntax_level, settings.jit_syntax_level
    forced = environment_level(module)
    return forced, forced or context_level(module) or DEFAULT_LEVEL


def _roots(module: nodes.Module, graph_mode: bool, cell_level: str) -> Iterator[GraphFunction]:
    """The top-level graphs of a module."""
    for cls in ast_queries.descendants(module, nodes.ClassDef):
        construct = cls.locals.get("construct", [None])[0]
        if not isinstance(construct, nodes.FunctionDef) or construct.parent is not cls or not is_cell(cls):
            continue
        jitted, jit_level = jit_decoration(construct)
        if graph_mode:  # GRAPH_MODE ignores fullgraph on construct
            yield GraphFunction(construct, cls, {cell_level}, entry=True)
        elif jitted:
            yield GraphFunction(construct, cls, {jit_level}, entry=True)
    for function in ast_queries.descendants(module, nodes.FunctionDef):
        jitted, jit_level = jit_decoration(function)
        if jitted and not (function.name == "construct" and isinstance(function.parent, nodes.ClassDef)):
            yield GraphFunction(function, _owner(function), {jit_level}, entry=True)
    for call in ast_queries.descendants(module, nodes.Call):
        name = _called_name(call)
        if name in JIT_DECORATORS and call.args:
            level, target = _fullgraph_level(call), call.args[0]
        elif graph_mode and name in GRAD_FUNCTIONS and call.args:
            level, target = cell_level, call.args[0]
        elif graph_mode and isinstance(call.func, nodes.Call) and _called_name(call.func) == GRAD_OPERATION and call.args:
            level, target = cell_level, call.args[0]
        else:
            continue
        function = _module_function(target) if isinstance(target, nodes.Name) else None
        if function is not None and function.root() is module:
            yield GraphFunction(function, None, {level}, entry=True)


def _owner(function: nodes.FunctionDef) -> nodes.ClassDef | None:
    parent = function.parent
    return parent if isinstance(parent, nodes.ClassDef) and function.type == "method" else None


def graph_functions(
    module: nodes.Module, settings: Settings, extra_roots: Iterable[GraphFunction] = ()
) -> dict[nodes.FunctionDef, GraphFunction]:
    """Every function of ``module`` compiled as graph code, with the levels of the graphs that reach it.

    ``extra_roots`` are further top-level graphs (``mslint readiness`` passes PyTorch ``forward`` methods).
    """
    graph_mode = settings.graph_mode == "always" or (settings.graph_mode == "auto" and sets_graph_mode(module))
    forced, cell_level = _levels(settings, module)
    found: dict[tuple[nodes.FunctionDef, nodes.ClassDef | None], GraphFunction] = {}
    pending = [*_roots(module, graph_mode, cell_level), *extra_roots]
    while pending:
        graph = pending.pop()
        if forced:
            graph.levels = {forced}
        key = (graph.function, graph.owner)
        known = found.get(key)
        if known is not None and graph.levels <= known.levels and (known.entry or not graph.entry):
            continue
        if known is None:
            known = found[key] = GraphFunction(graph.function, graph.owner)
        known.levels |= graph.levels
        known.entry = known.entry or graph.entry
        for function, owner in callees(known):
            pending.append(GraphFunction(function, owner, set(known.levels)))
    merged: dict[nodes.FunctionDef, GraphFunction] = {}
    for (function, _), graph in found.items():
        if function.root() is not module:
            continue
        if function in merged:
            merged[function].levels |= graph.levels
            merged[function].entry = merged[function].entry or graph.entry
        else:
            merged[function] = graph
    return merged
