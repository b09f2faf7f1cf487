"""random.* / np.random.* in graph code run once at compile time; every call reuses the value."""
from __future__ import annotations

import random

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds Python and NumPy noise."""

    def construct(self, x):
        a = x * random.random()  # [ms-graph-python-random]
        b = x + Tensor(np.random.rand(2).astype(np.float32))  # [ms-graph-python-random]
        return a, b


def demo() -> list[bool]:
    """Call twice; report whether each noisy output changed between calls."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    (a1, b1), (a2, b2) = net(x), net(x)
    return [a1.asnumpy().tolist() != a2.asnumpy().tolist(), b1.asnumpy().tolist() != b2.asnumpy().tolist()]
