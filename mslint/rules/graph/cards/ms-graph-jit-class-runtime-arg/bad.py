"""A jit_class instance created in construct from a tensor does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


@ms.jit_class
class Offset:
    """Holds a value plus one."""

    def __init__(self, value):
        self.number = value + 1


class Net(nn.Cell):
    """Builds the helper from the sum of its input."""

    def construct(self, x):
        helper = Offset(x.sum())  # [ms-graph-jit-class-runtime-arg]
        return x * 0 + helper.number


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
