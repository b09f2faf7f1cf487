"""Graph-safe rewrite: initialise the name before the if."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Binds y on every path."""

    def construct(self, x):
        y = x
        if x.sum() > 0:
            y = x * 2
        return y


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
