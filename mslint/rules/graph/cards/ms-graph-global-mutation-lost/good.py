"""Graph-safe rewrite: count in the Python caller."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops

CALLS = 0


class Net(nn.Cell):
    """Pure computation."""

    def construct(self, x):
        return x * 2


def demo() -> list:
    """Call twice, counting outside the graph; report the output and the global."""
    global CALLS
    net = Net()
    outs = []
    for _ in range(2):
        outs.append(net(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist())
        CALLS += 1
    return [outs, CALLS]
