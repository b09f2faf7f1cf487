"""Graph-safe rewrite: a plain assignment before the condition."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Binds the sum first, then tests it."""

    def construct(self, x):
        s = x.sum()
        if s > 0:
            return x / s
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 3.0], np.float32))).asnumpy().tolist()
