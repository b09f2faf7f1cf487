"""time.* in graph code runs once at compile time; every call reuses the value."""
from __future__ import annotations

import time

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Returns a timestamp next to the output."""

    def construct(self, x):
        return x * 2, time.perf_counter()  # [ms-graph-time-call]


def demo() -> bool:
    """Call twice; report whether the two timestamps differ."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    t1 = float(net(x)[1])
    time.sleep(0.01)
    return t1 != float(net(x)[1])
