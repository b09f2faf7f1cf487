"""Graph-safe rewrite: the block declares every argument it is given."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Block(nn.Cell):
    """Doubles its input; the mask is optional."""

    def construct(self, x, mask=None):
        return x * 2 if mask is None else x * 2 * mask


class Net(nn.Cell):
    """Passes both arguments."""

    def __init__(self):
        super().__init__()
        self.block = Block()

    def construct(self, x, mask):
        return self.block(x, mask)


def demo() -> list[float]:
    """Run the net once."""
    x = Tensor(np.array([1.0, 2.0], np.float32))
    return Net()(x, x).asnumpy().tolist()
