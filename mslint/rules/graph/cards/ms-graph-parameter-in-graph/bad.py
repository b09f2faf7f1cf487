"""Creating a Parameter inside construct does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Creates a bias Parameter on every call."""

    def construct(self, x):
        bias = ms.Parameter(Tensor(np.ones(2, np.float32)), name="bias")  # [ms-graph-parameter-in-graph]
        return x + bias


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
