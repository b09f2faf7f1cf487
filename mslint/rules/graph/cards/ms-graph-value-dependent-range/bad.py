"""A Python loop whose trip count comes from a tensor value (range(int(t))): host sync, per-value graph."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds x once per unit of its maximum."""

    def construct(self, x):
        out = x * 0
        for _ in range(int(x.max())):  # [ms-graph-value-dependent-range]
            out = out + x
        return out


def demo() -> list:
    """Call with maxima 2 and 3."""
    net = Net()
    return [net(Tensor(np.array(v, np.float32))).asnumpy().tolist() for v in ([1.0, 2.0], [1.0, 3.0])]
