"""Item assignment on an input tensor: PyNative changes the caller's tensor, graph mode writes a copy."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Overwrites the first element of its input."""

    def construct(self, x):
        x[0] = 10.0  # [ms-graph-input-setitem]
        return x


def demo() -> list:
    """Run once; report the output and the caller's tensor afterwards."""
    x = Tensor(np.array([1.0, 2.0], np.float32))
    out = Net()(x)
    return [out.asnumpy().tolist(), x.asnumpy().tolist()]
