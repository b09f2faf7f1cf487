"""Graph-safe rewrite: a staticmethod."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Scales through a staticmethod."""

    FACTOR = 2

    @staticmethod
    def scale(v):
        """Multiply by the factor."""
        return v * Net.FACTOR

    def construct(self, x):
        return self.scale(x)


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
