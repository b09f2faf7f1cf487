"""list.append/extend/insert on self or module containers in graph code is silently dropped."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops

HISTORY: list = []


class Net(nn.Cell):
    """Buffers every output in a list attribute and a module list."""

    def __init__(self):
        super().__init__()
        self.buf = []

    def construct(self, x):
        out = x * 2
        self.buf.append(out)  # [ms-graph-container-mutation-lost]
        HISTORY.append(out)  # [ms-graph-container-mutation-lost]
        return out


def demo() -> list:
    """Call twice; report the output and both list lengths."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    outs = [net(x).asnumpy().tolist() for _ in range(2)]
    return [outs, len(net.buf), len(HISTORY)]
