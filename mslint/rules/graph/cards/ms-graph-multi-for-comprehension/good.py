"""Graph-safe rewrite: two explicit loops."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Sums x*i*j over two loops."""

    def construct(self, x):
        out = x * 0
        for i in range(2):
            for j in range(3):
                out = out + x * i * j
        return out


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
