"""A class statement inside construct does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Defines a helper class on every call."""

    def construct(self, x):
        class Scale:  # [ms-graph-class-in-graph]
            factor = 2

        return x * Scale.factor


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
