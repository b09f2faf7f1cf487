"""A name first bound inside a loop body and read after the loop does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Keeps the last doubled value of a short loop."""

    def construct(self, x):
        for _ in range(3):
            x = x + 1
            last = x * 2
        return last  # [ms-graph-loop-only-var]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
