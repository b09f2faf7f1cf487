"""for...else (and while...else) inside construct does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds 1 three times, with an else clause on the loop."""

    def construct(self, x):
        out = x
        for _ in range(3):
            out = out + 1
        else:  # [ms-graph-loop-else]
            out = out * 2
        return out


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
