"""Graph-safe rewrite: if/elif on the constant attribute."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Selects an activation with if/else."""

    def __init__(self, mode: str = "double"):
        super().__init__()
        self.mode = mode

    def construct(self, x):
        if self.mode == "double":
            return x * 2
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
