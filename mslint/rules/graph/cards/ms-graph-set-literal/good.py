"""Graph-safe rewrite: a tuple instead of the set literal."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Tests membership in a tuple."""

    def construct(self, x):
        allowed = (1, 2, 3)
        if 2 in allowed:
            return x * 2
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
