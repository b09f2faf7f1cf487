"""iter()/next() inside construct do not compile (misleading Stack error)."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Takes the first factor with next(iter(...))."""

    def construct(self, x):
        first = next(iter((3, 4)))  # [ms-graph-iter-next]
        return x * first


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
