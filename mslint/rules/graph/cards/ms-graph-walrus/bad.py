"""An assignment expression (walrus) inside construct does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Binds a sum with := inside a condition."""

    def construct(self, x):
        if (s := x.sum()) > 0:  # [ms-graph-walrus]
            return x / s
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 3.0], np.float32))).asnumpy().tolist()
