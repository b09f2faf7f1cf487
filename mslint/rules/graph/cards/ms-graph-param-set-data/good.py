"""Graph-safe rewrite: ops.assign on the Parameter."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Overwrites its parameter with ops.assign on every call."""

    def __init__(self):
        super().__init__()
        self.w = ms.Parameter(Tensor(np.zeros(2, np.float32)), name="w")

    def construct(self, x):
        ops.assign(self.w, x * 2)
        return x + self.w


def demo() -> list[list[float]]:
    """Call twice; report the outputs and the final parameter value."""
    net = Net()
    outs = [net(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist() for _ in range(2)]
    return outs + [net.w.asnumpy().tolist()]
