"""Graph-safe rewrite: graph RNG ops (ops.randn_like)."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds graph-side noise."""

    def construct(self, x):
        a = x * ops.randn_like(x)
        b = x + ops.randn_like(x)
        return a, b


def demo() -> list[bool]:
    """Call twice; report whether each noisy output changed between calls."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    (a1, b1), (a2, b2) = net(x), net(x)
    return [a1.asnumpy().tolist() != a2.asnumpy().tolist(), b1.asnumpy().tolist() != b2.asnumpy().tolist()]
