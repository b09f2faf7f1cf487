"""A randomly initialised layer created inside construct is baked in as constants (same every call)."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Builds a Dense layer on every call."""

    def construct(self, x):
        dense = nn.Dense(2, 3)  # [ms-graph-cell-in-graph]
        return dense(x)


def demo() -> list:
    """Call twice; report the output shape and whether the two outputs differ."""
    net = Net()
    x = Tensor(np.array([[1.0, 2.0]], np.float32))
    a, b = net(x), net(x)
    return [list(a.shape), a.asnumpy().tolist() != b.asnumpy().tolist()]
