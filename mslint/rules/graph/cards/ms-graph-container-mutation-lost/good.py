"""Graph-safe rewrite: return the value and accumulate outside the graph."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops

HISTORY: list = []


class Net(nn.Cell):
    """Returns the output; the caller buffers it."""

    def __init__(self):
        super().__init__()
        self.buf = []

    def construct(self, x):
        return x * 2


def demo() -> list:
    """Call twice; buffer in Python; report the output and both list lengths."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    outs = []
    for _ in range(2):
        out = net(x)
        net.buf.append(out)
        HISTORY.append(out)
        outs.append(out.asnumpy().tolist())
    return [outs, len(net.buf), len(HISTORY)]
