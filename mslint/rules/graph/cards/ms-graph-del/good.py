"""Graph-safe rewrite: drop the del statement."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Computes a temporary and lets it go out of scope."""

    def construct(self, x):
        tmp = x * 2
        return tmp + 1


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
