"""Graph-safe rewrite: read the clock in the caller."""
from __future__ import annotations

import time

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Pure computation."""

    def construct(self, x):
        return x * 2


def demo() -> bool:
    """Call twice, timestamping in Python; report whether the timestamps differ."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    net(x)
    t1 = time.perf_counter()
    time.sleep(0.01)
    net(x)
    return t1 != time.perf_counter()
