"""A Tensor method call that PyNative accepts but GRAPH_MODE rejects: torch-style x.transpose(1, 2) on a 3-D tensor."""

import sys
import types

import numpy as np
import mindspore as ms
from mindspore import nn

FAMILY = "graph"
EXPECT = "ValueError"


class _Swap(nn.Cell):
    def construct(self, x):
        return x.transpose(1, 2)


class _Permute(nn.Cell):
    def construct(self, x):
        return x.transpose(0, 2, 1)


_GLOBALS = globals()


def _run(cell):
    # GRAPH_MODE parses construct() through the class's module: make this file importable under its run name.
    module = types.ModuleType(type(cell).__module__)
    module.__dict__.update(_GLOBALS)
    sys.modules.setdefault(type(cell).__module__, module)
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        return cell(ms.Tensor(np.ones((2, 3, 4), np.float32)))
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)


def bad():
    return _run(_Swap())  # PyNative returns shape (2, 4, 3); GRAPH_MODE raises


def good():
    return _run(_Permute())

