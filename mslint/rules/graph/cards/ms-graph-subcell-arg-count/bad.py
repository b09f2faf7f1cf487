"""Calling a sub-cell with more arguments than its construct accepts fails to compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Block(nn.Cell):
    """Doubles its one input."""

    def construct(self, x):
        return x * 2


class Net(nn.Cell):
    """Passes a second argument the block does not take."""

    def __init__(self):
        super().__init__()
        self.block = Block()

    def construct(self, x, mask):
        return self.block(x, mask)  # [ms-graph-subcell-arg-count]


def demo() -> list[float]:
    """Run the net once."""
    x = Tensor(np.array([1.0, 2.0], np.float32))
    return Net()(x, x).asnumpy().tolist()
