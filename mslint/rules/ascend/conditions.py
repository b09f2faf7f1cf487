"""Evaluate the curated Ascend conditions (:mod:`mslint.knowledge.ascend_constraints`) on a call.

Only literals are judged: an argument is a constant, a literal tuple/list, or a name assigned once to one in
the same scope; an omitted argument is judged by its documented default only where a condition asks for it.
Dtypes and ranks come from :mod:`mslint.analysis.dtypes`.
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from astroid import nodes

from mslint.analysis import ast_queries
from mslint.analysis.dtypes import dtype_of, rank_of, single_assignment
from mslint.knowledge.ascend_constraints import Constraint
from mslint.knowledge.mappings import load_signatures

UNKNOWN = object()
COMPARISONS: dict[str, Callable[[Any, Any], bool]] = {
    "==": operator.eq, "!=": operator.ne, ">=": operator.ge, "<=": operator.le, ">": operator.gt, "<": operator.lt,
    "not in": lambda value, values: value not in values,
}
PREDICATE = re.compile(r"^(==|!=|>=|<=|>|<|not in)\s*(.+)$")
# A predicate that holds for any value but None (a seed): a non-literal argument satisfies it too.
SET_TO_SOMETHING = ("!=None", "not in (None, 0)")
# The depth entry of a Conv3D dilation: (d, h, w) or (1, 1, d, h, w).
DEPTH_INDEX = {3: 0, 5: 2}


@dataclass(frozen=True, slots=True)
class Problem:
    """What a call does that a condition forbids, and the node to report."""

    constraint: Constraint
    node: nodes.NodeNG
    detail: str
    argument: str | None = None
    dtype: str | None = None


def applies_at_construction(constraint: Constraint, kind: str) -> bool:
    """Argument conditions of primitives, functions and layers are judged where the API is named; conditions
    on invocation inputs (dtype, rank, ``input``), and everything on Tensor methods, where the op runs."""
    condition = constraint.condition
    if kind == "tensor_method" or constraint.klass in ("dtype", "rank"):
        return False
    return not (kind == "primitive" and "input" in condition)


def argument_problem(
    constraint: Constraint, call: nodes.Call, kind: str, qualname: str, inputs: list[nodes.NodeNG]
) -> Problem | None:
    """An argument (or ``input``) condition broken by literal arguments of ``call``."""
    condition = constraint.condition
    if condition.get("always"):
        return Problem(constraint, call, "every call")
    if condition.get("depthwise"):
        return _depthwise_problem(constraint, call, qualname)
    name = condition.get("argument")
    if "input" in condition and (name is None or kind == "primitive"):
        index = condition["input"]
        node, name = (inputs[index] if index < len(inputs) else None), name or f"input {index}"
    else:
        node = _argument(call, qualname, name, condition.get("position"))
    if condition.get("present"):
        return Problem(constraint, node, f"{name}=...", name) if node is not None else None
    value = _literal(node) if node is not None else (_default(qualname, name) if condition.get("check_default") else UNKNOWN)
    if value is UNKNOWN:
        if node is not None and condition.get("forbid") in SET_TO_SOMETHING and not isinstance(node, nodes.Const):
            return Problem(constraint, node, f"{name}=...", name)  # a seed held in a variable is still a seed
        return None
    detail = _value_problem(condition, value, name, call, qualname, inputs)
    return Problem(constraint, node if node is not None else call, detail, name) if detail else None


def _value_problem(condition: Mapping[str, Any], value: Any, name: str, call: nodes.Call, qualname: str,
                   inputs: list[nodes.NodeNG]) -> str | None:
    shown = f"{name}={value!r}"
    if "forbid" in condition:
        match = PREDICATE.match(condition["forbid"])
        compare, limit = COMPARISONS[match.group(1)], ast.literal_eval(match.group(2))
        checked = value
        if condition.get("depth") and isinstance(value, (tuple, list)):
            checked = value[DEPTH_INDEX[len(value)]] if len(value) in DEPTH_INDEX else UNKNOWN
        if isinstance(checked, (tuple, list)) and match.group(1) not in ("==", "!=", "not in"):
            return shown if any(_comparable(v, limit) and compare(v, limit) for v in checked) else None
        return shown if checked is not UNKNOWN and _comparable(checked, limit) and compare(checked, limit) else None
    if "allow" in condition:
        return None if value in condition["allow"] else f"{shown} (Ascend allows {', '.join(map(repr, condition['allow']))})"
    if condition.get("negative"):
        values = value if isinstance(value, (tuple, list)) else (value,)
        return f"a negative value in {name}" if any(isinstance(v, (int, float)) and v < 0 for v in values) else None
    if isinstance(value, (tuple, list)):
        if "max_length" in condition and len(value) > condition["max_length"]:
            return f"{len(value)} entries in {name} (at most {condition['max_length']})"
        if "length" in condition and len(value) != condition["length"]:
            return f"{len(value)} entries in {name} (exactly {condition['length']})"
        repeated = sum(1 for v in value if v != 1)
        if "max_repeated" in condition and repeated > condition["max_repeated"]:
            return f"repeating {repeated} dims at once (at most {condition['max_repeated']})"
        return None
    if "multiple_of" in condition and isinstance(value, int) and value % condition["multiple_of"]:
        return f"{shown} (a multiple of {condition['multiple_of']} is required)"
    if "same_as" in condition:
        other = condition["same_as"]
        node = _argument(call, qualname, other)
        expected = _literal(node) if node is not None else _default(qualname, other)
        return f"{shown} with {other}={expected!r} (they must be equal)" if expected is not UNKNOWN and expected != value else None
    if condition.get("last_axis") and isinstance(value, int) and value != -1:
        rank = rank_of(inputs[0]) if inputs else None
        return None if rank is not None and value == rank - 1 else f"sorting along {shown} (only the last dimension, -1)"
    return None


def _depthwise_problem(constraint: Constraint, call: nodes.Call, qualname: str) -> Problem | None:
    """Group convolution that cannot be depthwise: group > 1 with a literal channel count other than group."""
    group_node = _first_argument(call, qualname, ("group", "groups"))
    group = _literal(group_node) if group_node is not None else UNKNOWN
    if not isinstance(group, int) or isinstance(group, bool) or group <= 1:
        return None
    channels, sides = {}, {}
    for side, names in (("in", ("in_channels", "in_channel")), ("out", ("out_channels", "out_channel"))):
        node = sides[side] = _first_argument(call, qualname, names)
        value = _literal(node) if node is not None else UNKNOWN
        if isinstance(value, int) and not isinstance(value, bool):
            channels[side] = value
    if all(value == group for value in channels.values()):
        if not (_scaled(sides["in"], sides["out"]) or _scaled(sides["out"], sides["in"])):
            return None
        shown = f"out_channels={sides['out'].as_string()} (in_channels={sides['in'].as_string()})"
    else:
        shown = ", ".join(f"{side}_channels={value}" for side, value in channels.items())
    return Problem(constraint, call, f"group convolution with group={group}, {shown} (not depthwise)", "group")


def _scaled(base: nodes.NodeNG | None, other: nodes.NodeNG | None) -> bool:
    """``other`` is ``base * k`` or ``base // k`` (k an int other than 1), so the two differ."""
    if base is None or not isinstance(other, nodes.BinOp) or other.op not in ("*", "//"):
        return False
    pairs = ((other.left, other.right), (other.right, other.left)) if other.op == "*" else ((other.left, other.right),)
    return any(side.as_string() == base.as_string() and ast_queries.int_value(factor) not in (None, 1, 0) for side, factor in pairs)


def dtype_problems(constraint: Constraint, call: nodes.Call, qualname: str, inputs: list[nodes.NodeNG]) -> list[Problem]:
    """Inputs whose known dtype the condition rules out."""
    condition = constraint.condition
    if "when_float" in condition:
        weight = _argument(call, qualname, condition["when_float"])
        if not (isinstance(weight, nodes.Const) and isinstance(weight.value, float)):
            return []
    unsupported, only = set(condition.get("unsupported", ())), set(condition.get("only", ()))
    problems = []
    for tensor in _selected(inputs, condition):
        dtype = dtype_of(tensor)
        if dtype and (dtype in unsupported or (only and dtype not in only)):
            problems.append(Problem(constraint, tensor, dtype, dtype=dtype))
    return problems


def rank_problem(constraint: Constraint, call: nodes.Call, inputs: list[nodes.NodeNG]) -> Problem | None:
    """An input whose literal-shape rank is outside the condition's limits."""
    condition = constraint.condition
    low, high = condition.get("min_rank"), condition.get("max_rank")
    for tensor in _selected(inputs, condition):
        rank = rank_of(tensor)
        if rank is None:
            continue
        if high is not None and rank > high:
            limit = f"exactly {high}" if low == high else f"at most {high}"
            return Problem(constraint, call, f"a rank-{rank} input (literal shape; {limit} dimensions)")
        if low is not None and rank < low:
            limit = f"exactly {low}" if low == high else f"at least {low}"
            return Problem(constraint, call, f"a rank-{rank} input (literal shape; {limit} dimensions)")
    return None


def _selected(inputs: list[nodes.NodeNG], condition: Mapping[str, Any]) -> list[nodes.NodeNG]:
    indexes = condition.get("inputs")
    return inputs if indexes is None else [inputs[i] for i in indexes if i < len(inputs)]


def _comparable(value: Any, limit: Any) -> bool:
    if limit is None or value is None or isinstance(limit, (bool, str)):
        return True
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def _parameters(qualname: str) -> list[list[Any]]:
    entry = load_signatures().apis.get(qualname)
    return entry["o"] if entry else []


def _argument(call: nodes.Call, qualname: str, name: str | None, position: int | None = None) -> nodes.NodeNG | None:
    """The argument bound to parameter ``name``: by keyword, or by its position in any overload."""
    if name is None:
        return None
    found = ast_queries.argument(call, name, position)
    if found is not None or position is not None:
        return found
    for overload in _parameters(qualname):
        for index, (param, kind, *_) in enumerate(overload):
            if param == name and kind in (0, 1):
                return ast_queries.argument(call, name, index)
    return None


def _first_argument(call: nodes.Call, qualname: str, names: tuple[str, ...]) -> nodes.NodeNG | None:
    return next((node for node in (_argument(call, qualname, name) for name in names) if node is not None), None)


def _default(qualname: str, name: str | None) -> Any:
    for overload in _parameters(qualname):
        for param, _kind_code, *default in overload:
            if param == name and default:
                try:
                    return ast.literal_eval(default[0])
                except (ValueError, SyntaxError):
                    return UNKNOWN
    return UNKNOWN


def _literal(node: nodes.NodeNG | None, depth: int = 0) -> Any:
    """The Python value of a literal argument, or UNKNOWN."""
    if node is None or depth > 3:
        return UNKNOWN
    if isinstance(node, nodes.Name):
        return _literal(single_assignment(node), depth + 1)
    if isinstance(node, nodes.Const):
        return node.value
    if isinstance(node, nodes.UnaryOp) and node.op == "-":
        inner = _literal(node.operand, depth + 1)
        return -inner if isinstance(inner, (int, float)) and not isinstance(inner, bool) else UNKNOWN
    if isinstance(node, (nodes.Tuple, nodes.List)):
        values = [_literal(element, depth + 1) for element in node.elts]
        return UNKNOWN if any(v is UNKNOWN for v in values) else tuple(values)
    return UNKNOWN
