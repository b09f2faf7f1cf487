"""The port imports the PyTorch implementation (a torch module or a class of the torch version): needs torch, and isinstance checks against the torch class never match MindSpore cells."""

import sys
import types

from mindspore import nn

FAMILY = "porting"
EXPECT = "ImportError"


def bad():
    saved = sys.modules.get("torch")
    sys.modules["torch"] = None  # a MindSpore-only environment
    try:
        import torch.nn  # the torch version's module, as imported by the port  # noqa: F401
    finally:
        if saved is not None:
            sys.modules["torch"] = saved
        else:
            del sys.modules["torch"]


def good():
    class LoRALayer:  # the MindSpore version's mixin
        pass

    class Linear(nn.Dense, LoRALayer):
        pass

    return isinstance(Linear(2, 2), LoRALayer)
