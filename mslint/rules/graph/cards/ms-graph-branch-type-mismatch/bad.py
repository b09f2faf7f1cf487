"""Branches of a tensor if returning a Tensor and a Python number do not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Returns 2x or the Python int 0."""

    def construct(self, x):
        if x.sum() > 0:
            return x * 2
        return 0  # [ms-graph-branch-type-mismatch]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
