"""nonlocal in a nested function of construct does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Accumulates through a closure that rebinds an outer name."""

    def construct(self, x):
        total = x * 0

        def add(v):
            nonlocal total  # [ms-graph-nonlocal]
            total = total + v

        add(x)
        add(x)
        return total


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
