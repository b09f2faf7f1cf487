"""Graph-safe rewrite: return the tensor and format the message outside the graph."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Returns the tensor only."""

    def construct(self, x):
        return x * 2, x


def demo() -> list:
    """Run twice; format the message in Python."""
    net = Net()
    msgs = [f"v={net(Tensor(np.array([1.0, 2.0], np.float32)))[1]}" for _ in range(2)]
    return [[type(m).__name__, "2." in str(m)] for m in msgs]
