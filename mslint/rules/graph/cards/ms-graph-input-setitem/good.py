"""Graph-safe rewrite: write into a copy and return it."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Overwrites the first element of a copy."""

    def construct(self, x):
        y = x * 1
        y[0] = 10.0
        return y


def demo() -> list:
    """Run once; report the output and the caller's tensor afterwards."""
    x = Tensor(np.array([1.0, 2.0], np.float32))
    out = Net()(x)
    return [out.asnumpy().tolist(), x.asnumpy().tolist()]
