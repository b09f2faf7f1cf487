"""GRAPH_MODE: an if on a Tensor value whose branches give tensors of different dtype/shape cannot be joined."""

import sys
import types

import mindspore as ms
import numpy as np
from mindspore import nn, ops

FAMILY = "graph"
EXPECT = "TypeError"


class AtomCount(nn.Cell):
    def construct(self, pad_mask, coords):
        if pad_mask.sum():
            atom_num = ((ops.ones_like(pad_mask) - pad_mask).sum(axis=1) - 1).view(-1, 1, 1, 1)
        else:
            atom_num = ms.Tensor(coords.shape[1] - 1, dtype=ms.int32)
        return coords.sum() / atom_num


class AtomCountFixed(nn.Cell):
    def construct(self, pad_mask, coords):
        atom_num = ((ops.ones_like(pad_mask) - pad_mask).sum(axis=1) - 1).view(-1, 1, 1, 1)
        return coords.sum() / atom_num


def _inputs():
    pad = np.zeros((2, 5), np.float32)
    pad[1, 3:] = 1
    return ms.Tensor(pad), ms.Tensor(np.ones((2, 5, 3), np.float32))


def _register_module():
    """GRAPH_MODE resolves a Cell's globals through sys.modules; a file run by runpy is not there."""
    if __name__ not in sys.modules:
        module = types.ModuleType(__name__)
        module.__dict__.update(globals())
        sys.modules[__name__] = module


def _run_graph(net):
    _register_module()
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        return net(*_inputs())
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)


def bad():
    return _run_graph(AtomCount())


def good():
    return _run_graph(AtomCountFixed())
