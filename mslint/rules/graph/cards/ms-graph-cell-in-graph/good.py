"""Graph-safe rewrite: create the layer once in __init__."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Owns a Dense layer."""

    def __init__(self):
        super().__init__()
        self.dense = nn.Dense(2, 3)

    def construct(self, x):
        return self.dense(x)


def demo() -> list:
    """Call twice; report the output shape and whether the two outputs differ."""
    net = Net()
    x = Tensor(np.array([[1.0, 2.0]], np.float32))
    a, b = net(x), net(x)
    return [list(a.shape), a.asnumpy().tolist() != b.asnumpy().tolist()]
