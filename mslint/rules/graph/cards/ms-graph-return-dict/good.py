"""Graph-safe rewrite: return a tuple and name the values outside."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Returns the outputs as a tuple."""

    def construct(self, x):
        return x, x * 2


def demo() -> object:
    """Run once; build the dict outside the graph."""
    a, b = Net()(Tensor(np.array([1.0, 2.0], np.float32)))
    return ["dict", {"a": a.asnumpy().tolist(), "b": b.asnumpy().tolist()}]
