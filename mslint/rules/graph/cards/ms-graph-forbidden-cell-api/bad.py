"""jit-forbidden Cell APIs such as trainable_params() inside construct do not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds the sum of all trainable parameters, collected per call."""

    def __init__(self):
        super().__init__()
        self.w = ms.Parameter(Tensor(np.ones(2, np.float32)), name="w")

    def construct(self, x):
        out = x
        for p in self.trainable_params():  # [ms-graph-forbidden-cell-api]
            out = out + p
        return out


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
