"""How MindSpore names its public API: the internal module paths users import from, and the public names they stand for."""

from __future__ import annotations

# Longer internal paths users import from, mapped to the public name.
_CANONICAL_PREFIXES = (
    ("mindspore.ops.operations.", "mindspore.ops."),
    ("mindspore.ops.functional.", "mindspore.ops."),
    ("mindspore.ops.function.", "mindspore.ops."),
    ("mindspore.common.tensor.", "mindspore."),
    ("mindspore.common.parameter.", "mindspore."),
    ("mindspore.common.", "mindspore."),
    ("mindspore.nn.cell.", "mindspore.nn."),
    ("mindspore.nn.layer.", "mindspore.nn."),
    ("mindspore.nn.optim.", "mindspore.nn."),
)


def canonical(qualname: str) -> str:
    """Map internal MindSpore module paths to their public names."""
    for prefix, public in _CANONICAL_PREFIXES:
        if qualname.startswith(prefix):
            rest = qualname[len(prefix) :]
            if public == "mindspore.nn." and "." in rest:
                rest = rest.rsplit(".", 1)[1]  # mindspore.nn.layer.activation.ReLU -> ReLU
            return public + rest
    return qualname


def is_mindspore_name(qualname: str | None) -> bool:
    """Whether a qualified name is ``mindspore`` or below it."""
    return qualname is not None and (qualname == "mindspore" or qualname.startswith("mindspore."))
