"""Graph-safe rewrite: the generator becomes a function returning a tuple."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


def scaled(x):
    """Return x, 2x and 3x as a tuple."""
    return tuple(x * k for k in range(1, 4))


class Net(nn.Cell):
    """Sums the values produced by a helper."""

    def construct(self, x):
        out = x * 0
        for y in scaled(x):
            out = out + y
        return out


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
