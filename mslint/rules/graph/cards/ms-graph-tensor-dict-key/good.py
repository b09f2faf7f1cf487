"""Graph-safe rewrite: constant string keys."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Builds a dict with a constant key."""

    def construct(self, x):
        table = {"double": x * 2}
        return table["double"]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
