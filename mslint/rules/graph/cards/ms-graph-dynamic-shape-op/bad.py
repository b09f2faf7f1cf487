"""Value-dependent output shapes (x[mask], nonzero, unique, masked_select): dynamic shape in the graph."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Sums the positive entries via a boolean mask."""

    def construct(self, x):
        pos = ops.masked_select(x, x > 0)  # [ms-graph-dynamic-shape-op]
        return pos.shape[0], pos.sum()


def demo() -> list:
    """Call with two inputs that have different numbers of positives."""
    net = Net()
    outs = [net(Tensor(np.array(v, np.float32))) for v in ([1.0, -2.0, 3.0], [1.0, 2.0, 3.0])]
    return [[int(n), float(s)] for n, s in outs]
