"""Porting rules (72xx): PyTorch idioms left behind in MindSpore code.

``cells``: the structure of Cell subclasses; ``api``: calls of MindSpore APIs with PyTorch's arguments or
meaning, and PyTorch names left in MindSpore code; ``training``: PyTorch's training loop and tensor methods on
MindSpore Cells, tensors and optimizers. A new module here is part of the family as soon as it declares a rule.
"""

from __future__ import annotations

from mslint.engine.checker import FamilyChecker
from mslint.engine.rule import declared_rules


class PortingChecker(FamilyChecker):
    """PyTorch idioms that crash or change meaning in MindSpore."""

    rules = declared_rules(__name__, globals())
