"""Matchers the graph syntax table judges (mslint/knowledge/data/graph_syntax.json): calls of built-ins, methods of
Python containers, operators, statements and expressions. Each finds a construct in graph code and names the row of
the table that is that construct; the row decides at which levels it fails, and its subject's other rows say what
the graph supports instead. A construct whose row the table does not have is not reported (certainty first)."""

from __future__ import annotations

import re
from collections.abc import Iterator

import astroid
from astroid import nodes

from mslint.analysis import ast_queries, names
from mslint.analysis.graph_scope import JIT_DECORATORS, find_method, is_cell
from mslint.analysis.graph_values import Body, assigned_value, instance_of_class, literal_type
from mslint.knowledge.graph_syntax import LEVELS, SyntaxRow, graph_syntax
from mslint.rules.graph.matchers import (
    Hit,
    after_graph_run,
    builtin_calls,
    called_after_compile,
    cell_sequence,
    jit_class,
    walk,
)

# Keyword arguments whose row is ``builtins.<name>.<keyword>`` or ``.<keyword>_keyword``.
KEYWORD_SUFFIX = "_keyword"
# Positional forms with rows of their own: (builtin, number of positional arguments) -> variant.
POSITIONAL_VARIANTS = {("filter", 2): "none", ("type", 3): "three_arguments", ("pow", 3): "modulo", ("sum", 2): "start",
                       ("int", 2): "base", ("enumerate", 2): "start"}
SHAPE_DERIVED = ("dynamic_shape",)
RAISE_UNSUPPORTED = "Unsupported exception type"
BINARY_OPERATORS = {"+": "add", "-": "sub", "*": "mul", "/": "truediv", "//": "floordiv", "%": "mod", "**": "pow",
                    "<<": "lshift", ">>": "rshift", "&": "and_", "|": "or_", "^": "xor", "@": "matmul"}
COMPARISONS = {"==": "eq", "!=": "ne", "<": "lt", "<=": "le", ">": "gt", ">=": "ge", "in": "in", "not in": "not_in",
               "is": "is", "is not": "is_not"}
UNARY_OPERATORS = {"not": "not", "-": "neg", "+": "pos", "~": "invert"}
OPERATOR_SYMBOLS = {name: symbol for symbol, name in {**BINARY_OPERATORS, **COMPARISONS, **UNARY_OPERATORS}.items()}
# Statement and expression classes that only their own rows judge (the others have rules of their own).
SYNTAX_NODES = (nodes.AsyncFunctionDef, nodes.AsyncFor, nodes.AsyncWith, nodes.Await)
PARAMETER_CLASSES = frozenset({"mindspore.Parameter", "mindspore.nn.Parameter"})
GROWING_OPS = frozenset({"mindspore.ops.concat", "mindspore.ops.cat", "mindspore.mint.cat", "mindspore.mint.concat",
                         "mindspore.ops.stack", "mindspore.mint.stack"})


def _level_word(level: str) -> str:
    return level.upper()


def _supported(table: str, subject: str, level: str, limit: int = 6) -> str:
    """The supported forms of a subject at ``level``, for a message."""
    forms = graph_syntax().supported_forms(table, subject, level)
    return "; ".join(forms[:limit])


def _first_failing(row: SyntaxRow) -> str:
    failing = [level for level in LEVELS if row.fails(level)]
    return failing[0] if failing else "lax"


def _row(row_id: str) -> SyntaxRow | None:
    return graph_syntax().row(row_id)


# ---- built-ins


def _builtin_row(body: Body, call: nodes.Call, name: str) -> SyntaxRow | None:
    """The row of a built-in call's form: a keyword it passes, a positional form, an argument of a kind with a row of
    its own (a tensor, a CellList, a shape under dynamic shape), else the built-in's own row."""
    for keyword in call.keywords or ():
        for variant in (keyword.arg, f"{keyword.arg}{KEYWORD_SUFFIX}"):
            row = _row(f"builtins.{name}.{variant}") if keyword.arg else None
            if row is not None and row.failing_levels:
                return row
    variant = POSITIONAL_VARIANTS.get((name, len(call.args)))
    if variant and (variant != "none" or isinstance(call.args[0], nodes.Const) and call.args[0].value is None):
        row = _row(f"builtins.{name}.{variant}")
        if row is not None:
            return row
    arguments = [*call.args, *(keyword.value for keyword in call.keywords or ())]
    if name == "range" and any(body.tensor_value(a) for a in arguments):
        return _row("builtins.range.tensor_bound")
    if name == "abs" and call.args and _complex(call.args[0]):
        return _row("builtins.abs.complex")
    if name == "reversed" and call.args and cell_sequence(body, call.args[0]):
        return _row("builtins.reversed.celllist")
    if body.dynamic_shape and any(body.shape_derived(a) for a in arguments):
        row = _row(f"builtins.{name}.dynamic_shape")
        if row is not None:
            return row
    if call.args and body.tensor_value(call.args[0]):
        if name == "type" and isinstance(call.parent, nodes.Compare):
            return _row("builtins.type.compare")
        if name == "id":
            return _row("builtins.id")
        row = _row(f"builtins.{name}.tensor")
        if row is not None:
            return row
    if name == "dict" and call.args and isinstance(call.args[0], (nodes.List, nodes.Tuple)) and body.is_runtime(call.args[0]):
        return _row("builtins.dict.pairs")
    return _row(f"builtins.{name}")


def _complex(node: nodes.NodeNG) -> bool:
    """A complex literal or ``complex(...)`` call."""
    if isinstance(node, nodes.Const):
        return isinstance(node.value, complex)
    return isinstance(node, nodes.Call) and isinstance(node.func, nodes.Name) and node.func.name == "complex" and ast_queries.is_builtin(node.func)


def _builtin_advice(row: SyntaxRow, name: str) -> str:
    supported = _supported("builtins", row.subject, _first_failing(row))
    return f"the graph supports {supported}" if supported else f"call {name}() outside the graph and pass the result in"


def builtin_forms(body: Body) -> Iterator[Hit]:
    """Calls of built-ins, each judged by the row of its form."""
    for call in walk(body, nodes.Call):
        func = call.func
        if not isinstance(func, nodes.Name) or not ast_queries.is_builtin(func):
            continue
        row = _builtin_row(body, call, func.name)
        if row is not None and row.failing_levels:
            yield Hit(call, row.id, f"{row.construct} (`{_short(body, call)}`)", _builtin_advice(row, func.name))


def _exception_rows() -> frozenset[str]:
    """Built-in exception classes the graph cannot raise (their rows say 'Unsupported exception type')."""
    return frozenset(
        row.id for row in graph_syntax().rows.values()
        if row.table == "builtins" and any(message.startswith(RAISE_UNSUPPORTED) for message in row.messages.values())
    )


def _compiled(body: Body, node: nodes.NodeNG) -> bool:
    """The graph certainly compiles ``node``: every ``if``/``while`` around it in its function tests a run-time value
    (both branches are compiled), and with none around it the function is a graph entry (helpers may be called under
    a condition that the compiler folds)."""
    guards = [p for p in node.node_ancestors() if isinstance(p, (nodes.If, nodes.While, nodes.IfExp)) and p.frame() is body.function]
    if guards:
        return all(body.is_runtime(guard.test) for guard in guards)
    return body.graph.entry and node.frame() is body.function


def raises(body: Body) -> Iterator[Hit]:
    """``raise`` of an exception class or an argument the graph cannot raise, where the graph compiles it."""
    unsupported = _exception_rows()
    for node in walk(body, nodes.Raise):
        exception = node.exc.func if isinstance(node.exc, nodes.Call) else node.exc
        if not _compiled(body, node):
            continue
        if isinstance(exception, nodes.Name) and ast_queries.is_builtin(exception) and f"builtins.{exception.name}" in unsupported:
            yield Hit(node, f"builtins.{exception.name}", f"raise {exception.name}(...)",
                      "raise one of the exception types the graph supports: ValueError, TypeError, RuntimeError, "
                      "IndexError, KeyError, AttributeError, NotImplementedError, ...")
        elif isinstance(node.exc, nodes.Call) and any(isinstance(a, (nodes.Dict, nodes.DictComp)) for a in node.exc.args):
            yield Hit(node, "statements.Raise.dict_argument", "raise with a dict argument",
                      "pass the message as a str (f-strings and '%'-formatting work)")


# ---- methods of list, dict, tuple and str

# The rows of item assignment by the container's type and owner.
ITEM_ROWS = {
    "list": {"attribute": "statements.Assign.list_attribute_item"},
    "dict": {"attribute": "statements.Assign.dict_attribute_item", "helper": "statements.Assign.dict_helper_item"},
}


# Variants of a method's rows chosen by how the call is written.
def _method_variants(body: Body, call: nodes.Call, kind: str, method: str) -> list[str]:
    found = [keyword.arg for keyword in call.keywords or () if keyword.arg]
    if any(keyword.arg for keyword in call.keywords or ()):
        found.append("keywords")
    args = call.args
    if kind == "list" and method == "pop" and args and body.is_runtime(args[0]):
        found.append("variable_index")
    if kind == "str" and method == "format" and any(body.tensor_value(a) for a in args):
        found.append("tensor")
    if (kind, method, len(args)) in (("dict", "pop", 2), ("dict", "get", 2)):
        found.append("default")
    if (kind, method, len(args)) == ("list", "index", 2):
        found.append("start")
    if kind == "list" and method == "insert" and args and isinstance(args[0], nodes.UnaryOp) and args[0].op == "-":
        found.append("negative")
    if kind == "str" and method == "join" and args and body.python_type(args[0]) == "list":
        found.append("list")
    return found


def _result_used(call: nodes.Call) -> bool:
    return not isinstance(call.parent, nodes.Expr)


def _constant_list(body: Body, receiver: nodes.NodeNG) -> bool:
    """A local list every assignment of which is a display of constants (``items = [3, 1, 2]``)."""
    if not isinstance(receiver, nodes.Name):
        return False
    bindings = ast_queries.bindings(receiver) or []
    values = [assigned_value(b) for b in bindings]
    return bool(values) and all(isinstance(v, nodes.List) and all(isinstance(e, nodes.Const) for e in v.elts) for v in values)


# Methods that mutate their receiver, by type (the rows of the other methods are about their results).
MUTATORS = {
    "list": frozenset({"append", "extend", "insert", "pop", "remove", "clear", "reverse", "sort"}),
    "dict": frozenset({"clear", "update", "pop", "popitem", "setdefault"}),
}
# Mutators that return None in Python: the graph returns the new container instead, and leaves the receiver as it was
# (the local rows: ``result = items.append(4)``).
NONE_RETURNING = frozenset({"append", "extend", "insert", "remove", "clear", "reverse", "sort", "update"})
# On a local list of constants these persist into the next call at LAX (methods.list.pop, insert.negative).
LEAKING = frozenset({"pop", "insert", "extend"})
# These are dropped whether or not the result is used (methods.list.sort.reverse, the .argument rows).
DROPPED = frozenset({"remove", "sort", "popitem", "setdefault"})


def _method_row(body: Body, call: nodes.Call, kind: str, method: str) -> tuple[SyntaxRow, frozenset[str] | None] | None:
    """The row of a method call and the levels it is restricted to (None: the row's own). A mutator on a container
    the graph copies (an attribute, a module global, an argument, a closure's list) takes that owner's row; else a
    row of the call's form (a keyword, a default, a tensor index); else the method's own row when the method fails
    to compile, is dropped whatever the code does with it, or the code uses the None a mutator returns."""
    subject = f"methods.{kind}.{method}"
    base = _row(subject)
    if base is None:
        return None
    receiver = call.func.expr
    owner = body.owner_of(receiver)
    mutator = method in MUTATORS.get(kind, ())
    if mutator and owner == "argument" and not body.graph.entry:
        owner = "helper" if body.argument_lost(receiver) else "local"
    row = _row(f"{subject}.{owner}") if mutator and owner in ("attribute", "global", "argument", "closure", "helper") else None
    if row is not None:
        return row, None
    for variant in _method_variants(body, call, kind, method):
        row = _row(f"{subject}.{variant}")
        if row is not None:
            return row, None
    if not mutator or method in DROPPED or any(base.outcome(level) == "compile-error" for level in LEVELS):
        return base, None
    if method in NONE_RETURNING and _result_used(call):
        return base, None
    if method in LEAKING and _constant_list(body, receiver):
        return base, frozenset({"lax"})
    return None


def _method_advice(kind: str, method: str, row: SyntaxRow) -> str:
    level = _first_failing(row)
    if row.outcome(level) == "differs":
        return ("the graph works on a copy of the container: return the new value and update the container outside "
                "the graph (or keep the state in a Parameter)")
    supported = sorted(
        {r.subject.split(".")[1] for r in graph_syntax().rows.values()
         if r.table == "methods" and r.subject.startswith(f"{kind}.") and not r.variant and r.supported(level)}
    )
    return f"{kind} methods the graph supports at {_level_word(level)}: {', '.join(supported)}"


def methods(body: Body) -> Iterator[Hit]:
    """Method calls on a list, dict, tuple or str whose type the code shows; item assignment into containers the
    graph copies (an argument, an attribute)."""
    for call in walk(body, nodes.Call):
        func = call.func
        if not isinstance(func, nodes.Attribute):
            continue
        kind = body.python_type(func.expr)
        found = _method_row(body, call, kind, func.attrname) if kind else None
        if found is None or not found[0].failing_levels:
            continue
        row, levels = found
        yield Hit(call, row.id, f"{kind}.{func.attrname}() ({row.construct})", _method_advice(kind, func.attrname, row), levels)
    for statement in walk(body, (nodes.Assign, nodes.AugAssign)):
        targets = statement.targets if isinstance(statement, nodes.Assign) else [statement.target]
        for target in targets:
            kind = body.python_type(target.value) if isinstance(target, nodes.Subscript) else None
            if kind not in ITEM_ROWS:
                continue
            owner = body.owner_of(target.value)
            if owner == "argument" and not body.graph.entry:
                owner = "helper" if body.argument_lost(target.value) else None
            row = _row(ITEM_ROWS[kind].get(owner or "", ""))
            if row is not None:
                yield Hit(statement, row.id, row.construct, _method_advice(kind, "__setitem__", row))
    for loop in walk(body, nodes.For):
        if body.python_type(loop.iter) == "str":
            yield Hit(loop, "statements.For.str", "for over a str", "loop over a tuple of the characters or words")
    for call in builtin_calls(body, frozenset({"len"})):
        if call.args and body.python_type(call.args[0]) == "str":
            yield Hit(call, "builtins.len.str", "len() of a str", "compute the length outside the graph")


# ---- operators


def _value_before(body: Body, node: nodes.AugAssign) -> nodes.NodeNG | None:
    """What an augmented assignment's local name holds before it: the value of its only earlier plain assignment."""
    target = node.target
    if not isinstance(target, nodes.AssignName):
        return None
    earlier = [a for a in ast_queries.descendants(body.function, nodes.AssignName)
               if a.name == target.name and a.frame() is body.function and a.lineno < node.lineno]
    if len(earlier) != 1 or not isinstance(earlier[0].parent, nodes.Assign) or earlier[0].parent.targets != earlier[0:1]:
        return None
    return earlier[0].parent.value


IDENTITY_ADVICE = "`is` compares with None, True, False, an int, a str or a type in graph code; use == for values"


def _identity_row(body: Body, name: str, left: nodes.NodeNG, right: nodes.NodeNG) -> SyntaxRow | None:
    """``a is b``: the rows are keyed by what ``b`` is (``operators.is.tuple``); two Tensors have a row of their own."""
    if body.tensor_value(left) and body.tensor_value(right):
        return _row("expressions.Compare.is_tensor")
    kind = body.python_type(right)
    return _row(f"operators.{name}.{kind}") if kind == "tuple" and body.python_type(left) == "tuple" else None


def _operator_row(body: Body, name: str, operands: list[nodes.NodeNG]) -> SyntaxRow | None:
    kinds = [body.operand_type(operand) for operand in operands]
    if None in kinds:
        return None
    return _row(f"operators.{name}.{'_'.join(kinds)}")


def _operator_advice(row: SyntaxRow) -> str:
    level = _first_failing(row)
    symbol = OPERATOR_SYMBOLS.get(row.subject, row.subject)
    pairs = [r.variant.replace("_", " and ") for r in graph_syntax().of_subject("operators", row.subject) if r.variant and r.supported(level)]
    if row.subject in ("in", "not_in") and "tensor" in row.variant:
        return "compare with tensor ops, e.g. `(x == Tensor(values)).any()`"
    return f"the graph supports `{symbol}` on: {', '.join(pairs[:8])}" if pairs else "use tensor ops"


def operators(body: Body) -> Iterator[Hit]:
    """Binary, augmented, comparison and unary operators on operands whose kinds the code shows."""
    for node in walk(body, (nodes.BinOp, nodes.AugAssign, nodes.Compare, nodes.UnaryOp)):
        if isinstance(node, nodes.BinOp):
            found = [(BINARY_OPERATORS.get(node.op), [node.left, node.right])]
        elif isinstance(node, nodes.AugAssign):
            before = _value_before(body, node)
            if before is None:
                continue  # attribute and item targets: ms-graph-attr-assign, ms-graph-input-setitem; inputs
            found = [("i" + BINARY_OPERATORS.get(node.op[:-1], ""), [before, node.value])]
        elif isinstance(node, nodes.Compare):
            if len(node.ops) > 1:
                continue  # chained comparisons: operators.chained.* work
            operator, right = node.ops[0]
            if operator in ("is", "is not"):
                row = _identity_row(body, COMPARISONS[operator], node.left, right)
                if row is not None and row.failing_levels:
                    yield Hit(node, row.id, f"`{_short(body, node)}` ({row.construct})", IDENTITY_ADVICE)
                continue
            found = [(COMPARISONS.get(operator), [node.left, right])]
        else:
            found = [(UNARY_OPERATORS.get(node.op), [node.operand])]
        for name, operands in found:
            row = _operator_row(body, name, operands) if name else None
            if row is not None and row.failing_levels:
                yield Hit(node, row.id, f"`{_short(body, node)}` ({row.construct})", _operator_advice(row))
    for node in walk(body, nodes.Subscript):
        if body.python_type(node.value) == "list" and body.tensor_value(node.slice):
            yield Hit(node, "expressions.Subscript.list_tensor_index", "a list indexed by a run-time tensor",
                      "index with a Python int, or stack the list and index the tensor (`ops.stack(items)[i]`)")


# ---- statements and expressions


def syntax(body: Body) -> Iterator[Hit]:
    """Statement and expression classes with rows of their own, and the forms of others that the table judges."""
    for node in walk(body, SYNTAX_NODES):
        row = _row(f"statements.{type(node).__name__}") or _row(f"expressions.{type(node).__name__}")
        if row is not None:
            yield Hit(node, row.id, row.construct, "write it as plain synchronous code")
    for const in walk(body, nodes.Const):
        if isinstance(const.value, complex):
            yield Hit(const, "expressions.Constant.complex", "a complex literal", "use ops.Complex or two real tensors")
        elif isinstance(const.value, bytes) and body.graph.entry and _returned(body, const):
            yield Hit(const, "expressions.Constant.bytes", "a bytes literal returned from the graph (it becomes a str)",
                      "return a str, or encode outside the graph")
    for function in walk(body, nodes.FunctionDef):
        if function is not body.function and function.decorators and _local_decorators(function):
            yield Hit(function, "statements.FunctionDef.decorated", "a nested def with a decorator (the graph ignores it)",
                      "call the decorator explicitly: `inc = twice(inc)`")
    if body.graph.entry:
        for node in walk(body, nodes.Return):
            if node.frame() is not body.function or node.value is None:
                continue
            if isinstance(node.value, nodes.GeneratorExp):
                yield Hit(node, "expressions.GeneratorExp.returned", "a generator expression returned from the graph",
                          "return a tuple: `tuple(... for ...)`")
            elif isinstance(node.value, nodes.Tuple) and _none_beside_tensor(body, node.value):
                yield Hit(node, "statements.Return.nested_tuple", "None inside a tuple returned from the graph",
                          "leave the None out of the returned tuple, or return it from a LAX graph")
            elif isinstance(node.value, nodes.Name) and body.owner_of(node.value) == "global" and body.python_type(node.value) == "list":
                yield Hit(node, "statements.Global.list_returned", "a module-level list returned from the graph",
                          "return a copy and rebind the module list outside the graph")


def _returned(body: Body, node: nodes.NodeNG) -> bool:
    """``node`` is what the function returns, or an element of a tuple it returns."""
    parent = node.parent
    while isinstance(parent, nodes.Tuple):
        parent = parent.parent
    return isinstance(parent, nodes.Return) and parent.frame() is body.function


def _none_beside_tensor(body: Body, returned: nodes.Tuple) -> bool:
    """A returned tuple holding None and a run-time value (a tuple of constants only is folded and kept)."""
    elements = list(returned.nodes_of_class(nodes.NodeNG))
    has_none = any(isinstance(e, nodes.Const) and e.value is None and isinstance(e.parent, nodes.Tuple) for e in elements)
    return has_none and any(body.is_runtime(e) for e in returned.elts)


def _local_decorators(function: nodes.FunctionDef) -> bool:
    """Every decorator is a function defined in the graph code around the nested def."""
    frame = function.parent.frame()
    for decorator in function.decorators.nodes:
        target = decorator.func if isinstance(decorator, nodes.Call) else decorator
        if not isinstance(target, nodes.Name):
            return False
        bindings = ast_queries.bindings(target) or []
        if not bindings or not all(isinstance(b, nodes.FunctionDef) and b.parent.frame() is frame for b in bindings):
            return False
    return True


def _short(body: Body, node: nodes.NodeNG, limit: int = 40) -> str:
    text = re.sub(r"\s+", " ", node.as_string())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def row_ids_with_message(prefix: str) -> tuple[str, ...]:
    """Row ids of the built-in exception classes the graph cannot raise (the raise rule's rows)."""
    return tuple(sorted(row_id for row_id in _exception_rows() if row_id.startswith(prefix)))



# ---- functions and objects: ms.jit(lambda), nested defaults, context managers, Parameter and Primitive attributes,
# set_train/set_grad


def jit_lambdas(module: nodes.Module) -> Iterator[Hit]:
    """``ms.jit(lambda ...)`` anywhere in the module: the parser re-reads the lambda from its source line."""
    for call in ast_queries.descendants(module, nodes.Call):
        if names.qualified_name(call.func) in JIT_DECORATORS and call.args and isinstance(call.args[0], nodes.Lambda):
            inside = isinstance(call.frame(), nodes.FunctionDef)
            row = "expressions.Lambda.jit_in_construct" if inside else "expressions.Lambda.jit_inline"
            yield Hit(call, row, "ms.jit(lambda ...)", "define the function with def (or the lambda alone on its own line) "
                      "and pass its name to ms.jit, outside construct")


def _input_dependent(body: Body) -> set[str]:
    """Parameters and the locals computed from them, shapes included (a nested def's default cannot read them)."""
    found = set(body.parameters)
    changed = True
    while changed:
        changed = False
        for assign in ast_queries.descendants(body.function, (nodes.Assign, nodes.AugAssign, nodes.AnnAssign)):
            if assign.frame() is not body.function or assign.value is None:
                continue
            if any(n.name in found for n in [assign.value, *assign.value.nodes_of_class(nodes.Name)] if isinstance(n, nodes.Name)):
                targets = assign.targets if isinstance(assign, nodes.Assign) else [assign.target]
                for target in targets:
                    for name in target.nodes_of_class(nodes.AssignName):
                        if name.name not in found:
                            found.add(name.name)
                            changed = True
    return found


def nested_defaults(body: Body) -> Iterator[Hit]:
    """A nested def whose default value reads an input of the graph or a local computed from one."""
    dependent = _input_dependent(body)
    for function in walk(body, (nodes.FunctionDef, nodes.Lambda)):
        if function is body.function or function.parent.frame() is not body.function:
            continue
        for default in [*function.args.defaults, *(d for d in function.args.kw_defaults if d is not None)]:
            read = {n.name for n in [default, *default.nodes_of_class(nodes.Name)] if isinstance(n, nodes.Name)}
            if read & dependent:
                shape = any(isinstance(a, nodes.Attribute) and a.attrname == "shape" for a in default.nodes_of_class(nodes.Attribute))
                row = "statements.FunctionDef.default_shape_local" if shape else "statements.FunctionDef.default_runtime_local"
                yield Hit(default, row, f"the default `{_short(body, default)}` of a nested def, computed from a graph input",
                          "pass the value as an argument of the nested def instead")


def mindspore_context_managers(body: Body) -> Iterator[Hit]:
    """``with`` on a MindSpore object (``ms._no_grad()``): MindSpore defines no jit_class context manager."""
    for node in walk(body, nodes.With):
        for expression, _ in node.items:
            made = expression.func if isinstance(expression, nodes.Call) else expression
            qualname = names.qualified_name(made)
            if names.is_mindspore_name(qualname):
                yield Hit(node, "statements.With.mindspore_no_grad", f"with {qualname.removeprefix('mindspore.')}",
                          "graph code only enters @ms.jit_class instances; do it outside the graph (ms._no_grad works in "
                          "PyNative), or use ops.stop_gradient inside")
                break


def _made_by(body: Body, attribute: str) -> str | None:
    """The MindSpore class every ``self.<attribute> = ...`` of the class makes, if one."""
    made = {names.qualified_name(v.func) if isinstance(v, nodes.Call) else None for v in body.attribute_values(attribute) or ()}
    return made.pop() if len(made) == 1 else None


def object_attributes(body: Body) -> Iterator[Hit]:
    """Attributes of ``self.<Parameter>`` that only Parameter has, and any attribute of ``self.<Primitive>``."""
    for node in walk(body, nodes.Attribute):
        inner = node.expr
        if not body.self_attribute(inner) or not isinstance(node.parent, nodes.NodeNG):
            continue
        made = _made_by(body, inner.attrname)
        if made in PARAMETER_CLASSES:
            row = _row(f"expressions.Attribute.parameter_{node.attrname}")
            if row is not None:
                yield Hit(node, row.id, f"`{_short(body, node)}` (a Parameter attribute)",
                          "read it in __init__ and keep a Python copy, e.g. `self.w_trainable = self.w.requires_grad`; "
                          "the graph reads a Parameter's Tensor attributes (shape, dtype, ndim, size)")
        elif made is not None and _is_primitive(made):
            method = isinstance(node.parent, nodes.Call) and node.parent.func is node
            row = "expressions.Attribute.primitive_method" if method else _primitive_row(node.attrname)
            yield Hit(node, row, f"`{_short(body, node)}` (an attribute of a Primitive)",
                      "set or read Primitive attributes in __init__ (`self.op.add_prim_attr(...)` there); the graph only "
                      "calls a Primitive")


def _primitive_row(attribute: str) -> str:
    row = _row(f"expressions.Attribute.primitive_{attribute}")
    return row.id if row is not None else "expressions.Attribute.primitive_attribute"


def _is_primitive(qualname: str) -> bool:
    from mslint.knowledge.ops_metadata import load_op_metadata  # pylint: disable=import-outside-toplevel

    table = load_op_metadata()
    canonical = table.canonical(qualname)
    return canonical is not None and canonical in table and table.get(canonical).kind == "primitive"


def cell_mode_switches(body: Body) -> Iterator[Hit]:
    """``self.set_train(...)`` / ``self.set_grad(...)`` in graph code."""
    for call in walk(body, nodes.Call):
        func = call.func
        if body.self_attribute(func) and func.attrname in ("set_train", "set_grad") and find_method(body.graph.owner, func.attrname) is None:
            yield Hit(call, f"statements.Expr.{func.attrname}", f"self.{func.attrname}(...)",
                      f"call net.{func.attrname}(...) on the Cell before calling it, outside the graph")


# ---- joins and loops


def growing_loops(body: Body) -> Iterator[Hit]:
    """A tensor-condition while loop that concatenates a tensor to itself: its shape grows every iteration."""
    for loop in walk(body, nodes.While):
        if not body.is_tensor(loop.test):
            continue
        for assign in loop.nodes_of_class(nodes.Assign):
            value = assign.value
            if not isinstance(value, nodes.Call) or names.qualified_name(value.func) not in GROWING_OPS or not value.args:
                continue
            targets = {t.name for t in assign.targets if isinstance(t, nodes.AssignName)}
            pieces = value.args[0].elts if isinstance(value.args[0], (nodes.Tuple, nodes.List)) else []
            if any(isinstance(piece, nodes.Name) and piece.name in targets for piece in pieces):
                yield Hit(assign, "statements.While.grows_by_concat", "a tensor-condition while loop growing a tensor by "
                          "concatenation", "bound the loop by a Python number (a static trip count) or preallocate the "
                          "result and fill it with masks")


def container_aliases(body: Body) -> Iterator[Hit]:
    """``b = a`` on a local list, then a change through ``b`` and a read of ``a``: the graph copied ``a``."""
    for assign in walk(body, nodes.Assign):
        value = assign.value
        if len(assign.targets) != 1 or not isinstance(assign.targets[0], nodes.AssignName) or not isinstance(value, nodes.Name):
            continue
        if body.python_type(value) != "list" or body.owner_of(value) != "local" or assign.frame() is not body.function:
            continue
        alias = assign.targets[0].name
        for change in _changes_through(body, alias, assign.lineno):
            if any(n.name == value.name and n.lineno > change.lineno for n in ast_queries.descendants(body.function, nodes.Name)):
                method = isinstance(change, nodes.Call)
                row = "methods.list.append.alias" if method else "statements.Assign.list_alias_item"
                yield Hit(change, row, f"a change through `{alias}`, an alias of the list `{value.name}`",
                          f"the graph copies the list on `{alias} = {value.name}`: change `{value.name}` itself")


def _changes_through(body: Body, alias: str, after: int) -> Iterator[nodes.NodeNG]:
    for node in walk(body, (nodes.Call, nodes.Assign)):
        if node.lineno <= after:
            continue
        if isinstance(node, nodes.Call):
            func = node.func
            if isinstance(func, nodes.Attribute) and func.attrname == "append" and isinstance(func.expr, nodes.Name) and func.expr.name == alias:
                yield node
        elif any(isinstance(t, nodes.Subscript) and isinstance(t.value, nodes.Name) and t.value.name == alias for t in node.targets):
            yield node


def _python_constant(node: nodes.NodeNG | None) -> str | None:
    """``number`` or ``none`` for a literal number or None (the kinds a tensor cannot join with)."""
    if isinstance(node, nodes.Const) and (node.value is None or isinstance(node.value, (int, float)) and not isinstance(node.value, bool)):
        return "none" if node.value is None else "number"
    return None


def joins(body: Body) -> Iterator[Hit]:
    """Values the graph must join from a tensor condition's two paths, one a Tensor and the other a Python number or
    None: a conditional expression, ``and``/``or``, and a local that a tensor ``if``/``while`` reassigns a Tensor."""
    advice = "give both paths a Tensor (ops.zeros_like, ops.select) or the same Python type"
    for node in walk(body, nodes.IfExp):
        if body.is_tensor(node.test):
            for python, tensor in ((node.orelse, node.body), (node.body, node.orelse)):
                if _python_constant(python) and body.is_runtime(tensor):
                    yield Hit(node, "expressions.IfExp.branch_type_mismatch", "a conditional expression on a tensor "
                              "condition with a Tensor and a Python number", advice)
    for node in walk(body, nodes.BoolOp):
        kinds = [_python_constant(value) for value in node.values]
        if len(node.values) == 2 and body.is_tensor(node.values[0]) and kinds[1]:
            row = "expressions.BoolOp.tensor_and_number" if kinds[1] == "number" else "expressions.BoolOp.tensor_or_none"
            yield Hit(node, row, f"`{_short(body, node)}` (a tensor and a Python {kinds[1]})", advice)
    statements = body.function.body
    for index, node in enumerate(statements):
        if not isinstance(node, (nodes.If, nodes.While)) or not body.is_tensor(node.test) or _optional_argument(body, node.test):
            continue
        before = _last_constants(statements[:index])
        for assign in node.nodes_of_class(nodes.Assign):
            names_ = [t.name for t in assign.targets if isinstance(t, nodes.AssignName)]
            for name in names_:
                kind = before.get(name)
                if kind is None or not body.is_runtime(assign.value) or not _read_later(statements[index + 1:], name):
                    continue
                if isinstance(node, nodes.If):
                    row = "statements.If.reassigned_type_mismatch" if kind == "number" else None
                else:
                    row = "statements.While.reassigned_type_mismatch" if kind == "number" else "statements.While.none_reassigned"
                if row is not None:
                    yield Hit(assign, row, f"`{name}`, a Python {kind} before the tensor condition, reassigned a Tensor",
                              advice)


def _optional_argument(body: Body, test: nodes.NodeNG) -> bool:
    """The condition reads a parameter whose default is None (``opt == None or opt['type'] == ...``): the caller may
    pass a Python value, so the condition is not certainly a tensor."""
    arguments = body.function.args
    for name in [test, *test.nodes_of_class(nodes.Name)]:
        if isinstance(name, nodes.Name) and name.name in {a.name for a in arguments.args or ()}:
            try:
                default = arguments.default_value(name.name)
            except astroid.NoDefault:
                continue
            if isinstance(default, nodes.Const) and default.value is None:
                return True
    return False


def _last_constants(statements: list[nodes.NodeNG]) -> dict[str, str]:
    """Locals the straight-line statements last assign a Python number or None."""
    found: dict[str, str] = {}
    for statement in statements:
        if isinstance(statement, nodes.Assign) and len(statement.targets) == 1 and isinstance(statement.targets[0], nodes.AssignName):
            kind = _python_constant(statement.value)
            name = statement.targets[0].name
            if kind:
                found[name] = kind
            else:
                found.pop(name, None)
        else:
            for assigned in statement.nodes_of_class(nodes.AssignName):
                found.pop(assigned.name, None)
    return found


def _read_later(statements: list[nodes.NodeNG], name: str) -> bool:
    return any(n.name == name for s in statements for n in [s, *s.nodes_of_class(nodes.Name)] if isinstance(n, nodes.Name))


# ---- values frozen at compile time: containers and arrays changed outside the graph after it ran

# In-place changes of a list or array through a method (the graph keeps the value it compiled with).
IN_PLACE_METHODS = frozenset({"append", "extend", "insert", "pop", "remove", "clear", "reverse", "sort", "update",
                              "setdefault", "popitem", "fill", "put", "resize", "itemset"})


def _container_kind(value: nodes.NodeNG | None) -> str | None:
    """``list``, ``dict`` or ``array`` for a value a class or module assigns."""
    found = literal_type(value)
    if found in ("list", "dict"):
        return found
    qualname = names.qualified_name(value.func) if isinstance(value, nodes.Call) else None
    return "array" if qualname and qualname.startswith("numpy.") else None


def _changed_in_place(statement_or_call: nodes.NodeNG) -> nodes.NodeNG | None:
    """The expression whose contents a statement or call changes: ``obj.attr`` of ``obj.attr[k] = v``,
    ``obj.attr += v``, ``obj.attr.append(v)``."""
    if isinstance(statement_or_call, nodes.Call):
        func = statement_or_call.func
        return func.expr if isinstance(func, nodes.Attribute) and func.attrname in IN_PLACE_METHODS else None
    targets = statement_or_call.targets if isinstance(statement_or_call, nodes.Assign) else [statement_or_call.target]
    for target in targets:
        if isinstance(target, nodes.Subscript):
            return target.value
        if isinstance(statement_or_call, nodes.AugAssign) and isinstance(target, nodes.AssignAttr):
            return target
    return None


FROZEN_ATTRIBUTE_ROWS = {"dict": "statements.Assign.dict_attribute_item_changed_outside",
                         "array": "statements.Assign.numpy_attribute_changed_outside",
                         "list": "methods.list.append.attribute_outside"}
FROZEN_GLOBAL_ROWS = {"dict": "statements.Assign.global_dict_item_changed_outside", "list": "methods.list.append.global_outside"}
FROZEN_ADVICE = "the graph compiled the value it first saw; pass it as an argument (a Tensor), or keep it in a Parameter"


def frozen_attribute_contents(body: Body) -> Iterator[Hit]:
    """``self.<attr>`` read in graph code whose list, dict or NumPy array a statement changes in place on the Cell
    (``net.cfg['scale'] = 3``) after a graph has run, or ``Net.<attr> = v`` on the class."""
    owner = body.graph.owner
    if owner is None:
        return
    reported: set[str] = set()
    for node in walk(body, nodes.Attribute):
        if not body.self_attribute(node) or node.attrname in reported:
            continue
        values = body.attribute_values(node.attrname) or []
        kinds = {_container_kind(v) for v in values}
        kind = kinds.pop() if len(kinds) == 1 else None
        if kind is not None and _changed_outside(owner, node.attrname, lambda obj: instance_of_class(obj, owner)):
            reported.add(node.attrname)
            yield Hit(node, FROZEN_ATTRIBUTE_ROWS[kind], f"`self.{node.attrname}`, a {kind} changed in place outside the "
                      "graph after it ran", FROZEN_ADVICE)
        elif values and all(isinstance(v, nodes.Const) and not isinstance(v.value, str) for v in values) and _class_changed(owner, node.attrname):
            reported.add(node.attrname)
            yield Hit(node, "statements.Assign.class_attribute_changed_outside", f"`self.{node.attrname}`, a class "
                      "attribute reassigned on the class after the graph ran", FROZEN_ADVICE)


def frozen_global_contents(body: Body) -> Iterator[Hit]:
    """A module-level list or dict read in graph code and changed in place after a graph has run."""
    module = body.function.root()
    reported: set[str] = set()
    for name in walk(body, nodes.Name):
        if name.name in reported or body.owner_of(name) != "global":
            continue
        bindings = [b for b in module.locals.get(name.name, []) if b.frame() is module]
        values = [assigned_value(b) for b in bindings]
        kind = _container_kind(values[0]) if len(values) == 1 else None
        if kind in FROZEN_GLOBAL_ROWS and _changed_outside(module, name.name, None):
            reported.add(name.name)
            yield Hit(name, FROZEN_GLOBAL_ROWS[kind], f"`{name.name}`, a module-level {kind} changed in place after the "
                      "graph ran", FROZEN_ADVICE)


def _changed_outside(scope: nodes.NodeNG, attribute: str, owns) -> bool:
    """Whether some statement outside graph code changes ``<obj>.<attribute>`` (``owns(obj)``) or, for a module
    (``owns`` None), the global ``<attribute>`` in place after a graph has run."""
    module = scope.root()
    for node in ast_queries.descendants(module, (nodes.Call, nodes.Assign, nodes.AugAssign)):
        changed = _changed_in_place(node)
        if changed is None:
            continue
        if owns is None:
            hit = isinstance(changed, nodes.Name) and changed.name == attribute and not isinstance(changed.frame(), nodes.ClassDef)
            hit = hit and (ast_queries.bindings(changed) or [None])[0] in module.locals.get(attribute, [])
        else:
            hit = isinstance(changed, (nodes.Attribute, nodes.AssignAttr)) and changed.attrname == attribute and owns(changed.expr)
        if hit and _after_a_graph_ran(node):
            return True
    return False


def _class_changed(owner: nodes.ClassDef, attribute: str) -> bool:
    """``Cls.<attribute> = value`` on the class or a base of it after a graph has run."""
    hierarchy, _, _ = names.ancestors(owner)
    for target in ast_queries.descendants(owner.root(), nodes.AssignAttr):
        if target.attrname == attribute and isinstance(target.expr, nodes.Name):
            bound = ast_queries.bindings(target.expr) or []
            if len(bound) == 1 and bound[0] in hierarchy and _after_a_graph_ran(target):
                return True
    return False


def _after_a_graph_ran(node: nodes.NodeNG) -> bool:
    """The statement runs after a graph ran: after a Cell or jit call in its own body (or in a loop), or in a
    function the module calls after one."""
    if after_graph_run(node):
        return True
    frame = node.frame()
    return isinstance(frame, nodes.FunctionDef) and called_after_compile(frame.root(), frame)


def fstring_specs(body: Body) -> Iterator[Hit]:
    """f-string fields with a format spec (``{v:.2f}``) or a conversion (``{v!r}``): the graph ignores both."""
    for node in walk(body, nodes.FormattedValue):
        if node.format_spec is not None:
            yield Hit(node.parent, "expressions.FormattedValue", f"the format spec of `{_short(body, node.parent)}`", "")
        elif node.conversion not in (-1, None):
            yield Hit(node.parent, "expressions.FormattedValue.conversion", f"the conversion of `{_short(body, node.parent)}`", "")


def object_attribute_writes(body: Body) -> Iterator[Hit]:
    """``self.<obj>.<attr> = value`` on a project object (a plain class or a jit_class) held by the Cell."""
    for target in walk(body, nodes.AssignAttr):
        holder = target.expr
        if not body.self_attribute(holder) or not isinstance(target.parent, (nodes.Assign, nodes.AugAssign)):
            continue
        classes = {_project_class(v) for v in body.attribute_values(holder.attrname) or ()}
        cls = classes.pop() if len(classes) == 1 else None
        if cls is None or is_cell(cls):
            continue
        row = "statements.Assign.jit_class_attribute" if jit_class(cls) else "statements.Assign.plain_object_attribute"
        yield Hit(target.parent, row, f"`{_short(body, target)} = ...` (an attribute of a {cls.name} object)",
                  "keep the value in a Parameter of the Cell, or set it outside the graph")


def _project_class(value: nodes.NodeNG) -> nodes.ClassDef | None:
    """The project class a ``Cls(...)`` call builds."""
    if not isinstance(value, nodes.Call) or not isinstance(value.func, nodes.Name):
        return None
    bindings = ast_queries.bindings(value.func) or []
    return bindings[0] if len(bindings) == 1 and isinstance(bindings[0], nodes.ClassDef) else None
