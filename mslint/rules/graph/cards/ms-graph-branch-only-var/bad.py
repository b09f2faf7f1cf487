"""A name bound only in one branch of a tensor if and used after it does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Binds y only when the sum is positive."""

    def construct(self, x):
        if x.sum() > 0:
            y = x * 2
        return y  # [ms-graph-branch-only-var]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
