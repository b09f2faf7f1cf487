"""Graph-safe rewrite: the nested function returns the new value."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Accumulates by returning values instead of rebinding."""

    def construct(self, x):
        total = x * 0

        def add(acc, v):
            return acc + v

        total = add(total, x)
        total = add(total, x)
        return total


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
