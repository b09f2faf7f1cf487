"""Graph-safe rewrite: indent the comment like the code around it."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Doubles its input."""

    def construct(self, x):
        y = x * 2
        # a note indented like the code
        return y


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
