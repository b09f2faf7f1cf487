"""Graph-safe rewrite: the else body follows the loop (no break in it)."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds 1 three times, then doubles."""

    def construct(self, x):
        out = x
        for _ in range(3):
            out = out + 1
        out = out * 2
        return out


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
