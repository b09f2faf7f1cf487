"""Graph-safe rewrite: the tensor op (ops.sort / x.min())."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds the smallest element, found with ops.sort."""

    def construct(self, x):
        smallest = ops.sort(x)[0][0]
        return x + smallest


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([3.0, 1.0, 2.0], np.float32))).asnumpy().tolist()
