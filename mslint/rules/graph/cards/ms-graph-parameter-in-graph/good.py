"""Graph-safe rewrite: the Parameter is created in __init__."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Owns a bias Parameter."""

    def __init__(self):
        super().__init__()
        self.bias = ms.Parameter(Tensor(np.ones(2, np.float32)), name="bias")

    def construct(self, x):
        return x + self.bias


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
