"""A set comprehension inside construct does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Counts distinct values with a set comprehension."""

    def construct(self, x):
        seen = {k % 2 for k in (1, 2, 3)}  # [ms-graph-set-comprehension]
        return x * len(seen)


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
