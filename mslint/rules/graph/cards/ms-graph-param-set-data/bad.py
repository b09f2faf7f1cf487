"""Parameter.set_data inside construct does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Overwrites its parameter with set_data on every call."""

    def __init__(self):
        super().__init__()
        self.w = ms.Parameter(Tensor(np.zeros(2, np.float32)), name="w")

    def construct(self, x):
        self.w.set_data(x * 2)  # [ms-graph-param-set-data]
        return x + self.w


def demo() -> list[list[float]]:
    """Call twice; report the outputs and the final parameter value."""
    net = Net()
    outs = [net(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist() for _ in range(2)]
    return outs + [net.w.asnumpy().tolist()]
