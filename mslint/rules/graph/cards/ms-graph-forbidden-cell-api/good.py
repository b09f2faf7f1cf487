"""Graph-safe rewrite: collect the parameters in __init__."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds the sum of parameters collected once in __init__."""

    def __init__(self):
        super().__init__()
        self.w = ms.Parameter(Tensor(np.ones(2, np.float32)), name="w")
        self.params = ms.ParameterTuple(self.trainable_params())

    def construct(self, x):
        out = x
        for p in self.params:
            out = out + p
        return out


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
