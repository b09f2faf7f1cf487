"""astroid's inference, as the rules use it: the values it finds (``Uninferable`` dropped), never an exception."""

from __future__ import annotations

import astroid
from astroid import nodes


def inferred(node: nodes.NodeNG) -> list[nodes.NodeNG]:
    """What ``node`` can be, as far as astroid knows; empty when it cannot tell (or inference fails)."""
    try:
        return [value for value in node.infer() if value is not astroid.Uninferable]
    except (astroid.InferenceError, RecursionError, StopIteration):
        return []


def only_inferred(node: nodes.NodeNG) -> nodes.NodeNG | None:
    """The one value astroid infers for ``node``, or None when there are none or several."""
    values = inferred(node)
    return values[0] if len(values) == 1 else None
