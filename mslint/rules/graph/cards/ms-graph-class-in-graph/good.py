"""Graph-safe rewrite: the class is defined at module level."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Scale:
    """Holds a constant factor."""

    factor = 2


class Net(nn.Cell):
    """Uses a module-level helper class."""

    def construct(self, x):
        return x * Scale.factor


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
