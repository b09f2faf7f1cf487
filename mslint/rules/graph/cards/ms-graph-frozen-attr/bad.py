"""A plain (non-Parameter) self attribute changed outside the graph is not seen by later calls."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Scales by a Python float attribute."""

    def __init__(self):
        super().__init__()
        self.scale = 2.0

    def construct(self, x):
        return x * self.scale  # [ms-graph-frozen-attr]


def demo() -> list:
    """Call, set net.scale, call again."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    first = net(x).asnumpy().tolist()
    net.scale = 3.0
    return [first, net(x).asnumpy().tolist()]
