"""MindTorch rules (77xx): PyTorch code run on MindSpore through a torch layer (MindTorch, formerly MSAdapter).

They check the files the layer serves (``ModuleContext.framework == "compat"``: the file imports the layer, or its
project routes ``import torch`` to it) against MSAdapter's published support tables (``mslint.knowledge.mindtorch``):
``support``: APIs the layer does not support or supports as Beta, arguments it does not take, defaults it changes;
``constraints``: the usage limits its overview page documents; ``mixing``: MindSpore tensors whose members change
meaning once the layer is loaded. ``layer`` holds what they share.
"""

from __future__ import annotations

from mslint.engine.checker import FamilyChecker
from mslint.engine.rule import declared_rules


class MindTorchChecker(FamilyChecker):
    """Calls and usages a torch layer on MindSpore does not support."""

    rules = declared_rules(__name__, globals())
