"""Graph-safe rewrite: keep static shapes with a mask multiply / ops.where."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Sums the positive entries with a static-shape mask."""

    def construct(self, x):
        mask = x > 0
        return mask.astype(ms.int32).sum(), ops.where(mask, x, ops.zeros_like(x)).sum()


def demo() -> list:
    """Call with two inputs that have different numbers of positives."""
    net = Net()
    outs = [net(Tensor(np.array(v, np.float32))) for v in ([1.0, -2.0, 3.0], [1.0, 2.0, 3.0])]
    return [[int(n), float(s)] for n, s in outs]
