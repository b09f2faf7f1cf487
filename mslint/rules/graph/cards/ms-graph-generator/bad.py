"""Calling a generator function (yield) from graph code does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


def scaled(x):
    """Yield x, 2x and 3x."""
    for k in range(1, 4):
        yield x * k  # [ms-graph-generator]


class Net(nn.Cell):
    """Sums the values produced by a generator."""

    def construct(self, x):
        out = x * 0
        for y in scaled(x):
            out = out + y
        return out


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
