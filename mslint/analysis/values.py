"""The value layer: what an expression holds when it can be known statically, the literal that holds it, and how
the value got there, so a finding can sit at the use and say where the value came from."""

from __future__ import annotations

from dataclasses import dataclass

import astroid
from astroid import nodes

from mslint.analysis import ast_queries


@dataclass(frozen=True)
class Known:
    """A value known statically.

    ``node`` is the literal that holds it; ``origin`` says how it reached the expression asked about
    (``"drop_rate defaults to 0.3 at line 46"``), empty when the literal is the expression itself.
    """

    value: object
    node: nodes.NodeNG
    origin: str = ""

    @property
    def number(self) -> int | float | None:
        return self.value if isinstance(self.value, (int, float)) and not isinstance(self.value, bool) else None


def known_value(expr: nodes.NodeNG | None) -> Known | None:
    """The value of a number, string, bool or None literal (``0.1``, ``-1``), or of a function parameter that the
    function never rebinds and whose default is one (a PyTorch value carried through a wrapper:
    ``def _bn(ch, momentum=0.1): return nn.BatchNorm2d(ch, momentum=momentum)``)."""
    value = _literal(expr)
    if value is not None:
        return Known(value[0], expr)
    found = parameter_default(expr)
    value = _literal(found[0]) if found else None
    return Known(value[0], found[0], found[1]) if value is not None else None


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


def _literal(node: nodes.NodeNG | None) -> tuple[object] | None:
    """(value,) of a literal; numbers may carry a sign."""
    if isinstance(node, nodes.UnaryOp) and node.op in ("-", "+"):
        inner = _literal(node.operand)
        if inner is None or not isinstance(inner[0], (int, float)) or isinstance(inner[0], bool):
            return None
        return (-inner[0] if node.op == "-" else inner[0],)
    if isinstance(node, nodes.Const) and isinstance(node.value, (int, float, str, bool, type(None))):
        return (node.value,)
    return None
