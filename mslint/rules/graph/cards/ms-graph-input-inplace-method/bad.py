"""In-place Tensor methods (add_, mul_, ...) on an input: graph mode and PyNative (CPU) disagree."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds 1 to its input in place."""

    def construct(self, x):
        x.add_(1)  # [ms-graph-input-inplace-method]
        return x


def demo() -> list:
    """Run once; report the output and the caller's tensor afterwards."""
    x = Tensor(np.array([1.0, 2.0], np.float32))
    out = Net()(x)
    return [out.asnumpy().tolist(), x.asnumpy().tolist()]
