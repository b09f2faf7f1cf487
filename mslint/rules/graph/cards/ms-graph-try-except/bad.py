"""try/except inside construct: graph mode rejects the Try statement."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Doubles the input inside a try block."""

    def construct(self, x):
        try:  # [ms-graph-try-except]
            y = x * 2
        except ValueError:
            y = x
        return y


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
