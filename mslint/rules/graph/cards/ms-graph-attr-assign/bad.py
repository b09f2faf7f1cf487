"""Assigning a non-Parameter self attribute in construct: error under STRICT."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Counts its calls in a Python int."""

    def __init__(self):
        super().__init__()
        self.counter = 0

    def construct(self, x):
        self.counter += 1  # [ms-graph-attr-assign]
        return x * self.counter


def demo() -> list:
    """Call three times; report outputs and the attribute state."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    outs = [net(x).asnumpy().tolist() for _ in range(3)]
    return [outs, net.counter.asnumpy().tolist() if isinstance(net.counter, Tensor) else net.counter]
