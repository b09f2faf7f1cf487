"""Graph-safe rewrite: constant getattr names, selection with ops.select."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Selects between the two scales with ops.select."""

    def __init__(self):
        super().__init__()
        self.a = 2.0
        self.b = 3.0

    def construct(self, x):
        cond = ops.fill(ms.bool_, x.shape, x.sum() > 0)
        return ops.select(cond, x * getattr(self, "a"), x * getattr(self, "b"))


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
