"""Graph-safe rewrite: build the jit_class from constants and pass the tensor to a method."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


@ms.jit_class
class Offset:
    """Adds a constant."""

    def __init__(self, value):
        self.value = value

    def apply(self, x):
        return x + self.value


class Net(nn.Cell):
    """Uses a helper built in __init__."""

    def __init__(self):
        super().__init__()
        self.helper = Offset(1)

    def construct(self, x):
        return self.helper.apply(x)


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
