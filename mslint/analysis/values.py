"""The value layer: what an expression holds when it can be known statically, the literal that holds it, and how
the value got there, so a finding can sit at the use and say where the value came from.

Followed: literals, ``+``/``-``/``*``/``/`` of known numbers, a function parameter's default (when the function
never rebinds it), the value every call in the module passes for a parameter without a default, a name assigned once
in its scope (a module constant, a local), and ``self.<name>`` assigned once in its class (``self.mom = 0.1`` or
``self.mom = momentum``).
"""

from __future__ import annotations

import operator
from dataclasses import dataclass

import astroid
from astroid import nodes

from mslint.analysis import ast_queries

MAX_STEPS = 4  # how many names a value is followed through
_ARITHMETIC = {"+": operator.add, "-": operator.sub, "*": operator.mul, "/": operator.truediv}


@dataclass(frozen=True)
class Known:
    """A value known statically.

    ``node`` is the expression that holds it where it is written (a literal, or arithmetic of literals);
    ``origin`` says how it reached the expression asked about (``"drop_rate defaults to 0.3 at line 46"``), empty
    when it is written at the expression itself.
    """

    value: object
    node: nodes.NodeNG
    origin: str = ""

    @property
    def number(self) -> int | float | None:
        return self.value if isinstance(self.value, (int, float)) and not isinstance(self.value, bool) else None

    def through(self, step: str) -> Known:
        """The same value reached through one more name."""
        return Known(self.value, self.node, f"{step}; {self.origin}" if self.origin else step)


def known_value(expr: nodes.NodeNG | None, steps: int = MAX_STEPS) -> Known | None:
    """The value of ``expr`` when it can be known statically (see the module docstring), else None."""
    if expr is None:
        return None
    value = _literal(expr)
    if value is not None:
        return Known(value[0], expr)
    if isinstance(expr, nodes.BinOp) and expr.op in _ARITHMETIC:
        return _arithmetic(expr, steps)
    if steps <= 0:
        return None
    if isinstance(expr, nodes.Name):
        return _of_name(expr, steps - 1)
    if isinstance(expr, nodes.Attribute):
        return _of_self_attribute(expr, steps - 1)
    return None


def literal_number(node: nodes.NodeNG | None) -> int | float | None:
    """The value of a number literal (``0.1``, ``-1``), else None."""
    value = _literal(node) if node is not None else None
    return value[0] if value is not None and isinstance(value[0], (int, float)) and not isinstance(value[0], bool) else None


def parameter_default(expr: nodes.NodeNG | None) -> tuple[nodes.NodeNG, str] | None:
    """The default of the function parameter ``expr`` names, when the function never rebinds it, and where it is
    written (``"momentum defaults to 0.1 at line 4"``)."""
    found = ast_queries.only_parameter(expr) if isinstance(expr, nodes.Name) else None
    if found is None:
        return None
    arguments, parameter = found
    try:
        default = arguments.default_value(parameter.name)
    except astroid.NoDefault:
        return None
    return default, f"{expr.name} defaults to {default.as_string()} at line {default.lineno}"


def _arithmetic(expr: nodes.BinOp, steps: int) -> Known | None:
    left, right = known_value(expr.left, steps), known_value(expr.right, steps)
    if left is None or right is None or left.number is None or right.number is None:
        return None
    try:
        value = _ARITHMETIC[expr.op](left.number, right.number)
    except ZeroDivisionError:
        return None
    origin = "; ".join(part for part in (left.origin, right.origin) if part)
    return Known(value, expr, origin)


def _of_name(name: nodes.Name, steps: int) -> Known | None:
    default = parameter_default(name)
    if default is not None:
        found = known_value(default[0], 0)
        return found.through(default[1]) if found is not None else None
    parameter = ast_queries.only_parameter(name)
    if parameter is not None:
        return _passed_at_call_sites(*parameter, steps)
    value = _single_assignment(name)
    if value is None:
        return None
    found = known_value(value, steps)
    return found.through(f"{name.name} = {value.as_string()} at line {value.lineno}") if found is not None else None


def _passed_at_call_sites(arguments: nodes.Arguments, parameter: nodes.AssignName, steps: int) -> Known | None:
    """The value every call of the function in its module passes for a parameter without a default
    (``def block(rate): ...`` called as ``block(0.1)``; a class's ``__init__`` is called through the class)."""
    function = arguments.parent
    callee, skipped = _called_as(function)
    positions = [argument.name for argument in arguments.posonlyargs + arguments.args][skipped:]
    if callee is None or parameter.name not in positions + [argument.name for argument in arguments.kwonlyargs]:
        return None
    values: list[tuple[Known, nodes.Call]] = []
    for call in _calls_by_name(function.root()).get(callee.name, ()):
        if ast_queries.bindings(call.func) != [callee]:
            continue
        if any(isinstance(argument, nodes.Starred) for argument in call.args) or any(keyword.arg is None for keyword in call.keywords or ()):
            return None
        passed = next((keyword.value for keyword in call.keywords or () if keyword.arg == parameter.name), None)
        if passed is None and parameter.name in positions and positions.index(parameter.name) < len(call.args):
            passed = call.args[positions.index(parameter.name)]
        found = known_value(passed, steps - 1) if passed is not None and steps > 0 else None
        if found is None:
            return None
        values.append((found, call))
    if not values or len({repr(found.value) for found, _ in values}) != 1:
        return None
    found, call = values[0]
    return found.through(f"{callee.name}() is called with {parameter.name}={found.node.as_string()} at line {call.lineno}")


def _index_calls_by_name(module: nodes.Module) -> dict[str, list[nodes.Call]]:
    found: dict[str, list[nodes.Call]] = {}
    for call in ast_queries.descendants(module, nodes.Call):
        if isinstance(call.func, nodes.Name):
            found.setdefault(call.func.name, []).append(call)
    return found


# The module's calls of plain names, grouped once per module: each parameter asked about reads only its function's.
_calls_by_name = ast_queries.ModuleMemo(_index_calls_by_name)


def _called_as(function: nodes.NodeNG) -> tuple[nodes.FunctionDef | nodes.ClassDef | None, int]:
    """What the code calls to run ``function`` (itself, or its class for ``__init__``) and how many leading
    parameters the call does not pass (``self``)."""
    if not isinstance(function, nodes.FunctionDef):
        return None, 0
    if isinstance(function.parent, nodes.ClassDef):
        return (function.parent, 1) if function.name == "__init__" else (None, 0)
    return function, 0


def _single_assignment(name: nodes.Name) -> nodes.NodeNG | None:
    """The value of the one plain assignment that binds ``name`` where it is read (``BN_MOM = 0.1`` at module
    level, a local assigned once); None when anything else may bind it (a second assignment, a ``global`` statement
    that rebinds a module constant, a loop, an augmented assignment)."""
    statements = ast_queries.bindings(name)
    if statements is None or len(statements) != 1 or not isinstance(statements[0], nodes.AssignName):
        return None
    target = statements[0]
    assign = target.parent
    if not (isinstance(assign, nodes.Assign) and assign.targets == [target]):
        return None
    scope = target.scope()
    if len(scope.locals.get(name.name, ())) != 1:
        return None
    if isinstance(scope, nodes.Module) and any(name.name in node.names for node in ast_queries.descendants(scope, nodes.Global)):
        return None
    return assign.value


def _of_self_attribute(attribute: nodes.Attribute, steps: int) -> Known | None:
    """``self.<name>`` when its class assigns that attribute exactly once, in ``__init__``, from a known value."""
    receiver = attribute.expr
    method = attribute.frame()
    if not (isinstance(receiver, nodes.Name) and isinstance(method, nodes.FunctionDef) and receiver.name == ast_queries.self_name(method)):
        return None
    cls = method.parent
    if not isinstance(cls, nodes.ClassDef):
        return None
    targets = cls.instance_attrs.get(attribute.attrname, [])
    if len(targets) != 1 or attribute.attrname in cls.locals:
        return None
    target = targets[0]
    assign = target.parent
    if not (isinstance(assign, nodes.Assign) and assign.targets == [target]) or target.frame().name != "__init__":
        return None
    found = known_value(assign.value, steps)
    return found.through(f"self.{attribute.attrname} = {assign.value.as_string()} at line {assign.lineno}") if found is not None else None


def _literal(node: nodes.NodeNG) -> tuple[object] | None:
    """(value,) of a literal; numbers may carry a sign."""
    if isinstance(node, nodes.UnaryOp) and node.op in ("-", "+"):
        inner = _literal(node.operand)
        if inner is None or not isinstance(inner[0], (int, float)) or isinstance(inner[0], bool):
            return None
        return (-inner[0] if node.op == "-" else inner[0],)
    if isinstance(node, nodes.Const) and isinstance(node.value, (int, float, str, bool, type(None))):
        return (node.value,)
    return None
