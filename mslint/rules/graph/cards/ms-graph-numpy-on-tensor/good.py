"""Graph-safe rewrite: the matching ops function."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """ReLU through ops.maximum."""

    def construct(self, x):
        return ops.maximum(x, 0)


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([-1.0, 4.0], np.float32))).asnumpy().tolist()
