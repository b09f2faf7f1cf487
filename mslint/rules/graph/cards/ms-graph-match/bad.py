"""A match statement inside construct does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Selects an activation with match."""

    def __init__(self, mode: str = "double"):
        super().__init__()
        self.mode = mode

    def construct(self, x):
        match self.mode:  # [ms-graph-match]
            case "double":
                return x * 2
            case _:
                return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
