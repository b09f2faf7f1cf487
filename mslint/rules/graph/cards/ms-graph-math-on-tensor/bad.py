"""A math-module function applied to a runtime tensor value: error under STRICT."""
from __future__ import annotations

import math

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Scales by the square root of the sum via math.sqrt."""

    def construct(self, x):
        return x * math.sqrt(x.sum())  # [ms-graph-math-on-tensor]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([-1.0, 4.0], np.float32))).asnumpy().tolist()
