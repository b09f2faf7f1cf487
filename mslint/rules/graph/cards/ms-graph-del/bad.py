"""del of a local name inside construct does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Computes a temporary and deletes it."""

    def construct(self, x):
        tmp = x * 2
        out = tmp + 1
        del tmp  # [ms-graph-del]
        return out


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
