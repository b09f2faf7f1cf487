"""NOT_FLAGGED probe: the FAQ's 'Nested execution during JIT execution' examples run on 2.10."""

from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn


class Inner(nn.Cell):
    """Identity."""

    def construct(self, x):
        return x


class Helper:
    """A plain class with an @ms.jit method and a method that calls a Cell."""

    def __init__(self):
        self.value = 10
        self.inner = Inner()

    @ms.jit
    def scaled(self, x):
        return 2 * x + self.value

    def through_cell(self, x):
        return 2 * x * self.inner(x) + self.value


class Net(nn.Cell):
    """Uses both helper methods from construct."""

    def __init__(self):
        super().__init__()
        self.helper = Helper()

    def construct(self, x):
        return self.helper.value + self.helper.scaled(x) + self.helper.through_cell(x)


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([3.0, 2.0], np.float32))).asnumpy().tolist()
