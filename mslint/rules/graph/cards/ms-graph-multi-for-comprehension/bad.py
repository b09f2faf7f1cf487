"""A comprehension with two for clauses does not compile in graph mode."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Sums x*i*j over a nested comprehension."""

    def construct(self, x):
        terms = [x * i * j for i in range(2) for j in range(3)]  # [ms-graph-multi-for-comprehension]
        out = x * 0
        for t in terms:
            out = out + t
        return out


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
