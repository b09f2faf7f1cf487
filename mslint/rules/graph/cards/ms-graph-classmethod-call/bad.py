"""Calling a classmethod from construct does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Scales through a classmethod."""

    FACTOR = 2

    @classmethod
    def scale(cls, v):
        """Multiply by the class factor."""
        return v * cls.FACTOR

    def construct(self, x):
        return self.scale(x)  # [ms-graph-classmethod-call]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
