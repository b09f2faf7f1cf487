"""Rebinding a module global (global statement) in graph code is silently dropped."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops

CALLS = 0


class Net(nn.Cell):
    """Counts its calls in a module global."""

    def construct(self, x):
        global CALLS  # [ms-graph-global-mutation-lost]
        CALLS = CALLS + 1
        return x * 2


def demo() -> list:
    """Call twice; report the output and the global."""
    net = Net()
    outs = [net(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist() for _ in range(2)]
    return [outs, CALLS]
