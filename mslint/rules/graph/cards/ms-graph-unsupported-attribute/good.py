"""Graph-safe rewrite: read the attribute in __init__ and keep a Python copy."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Scales by a weight when it is trainable."""

    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.full(2, 3.0, np.float32)), name='w')
        self.trainable_w = self.w.requires_grad

    def construct(self, x):
        if self.trainable_w:
            return x * self.w
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
