"""Graph-safe rewrite: read the context in __init__."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Doubles x when running on CPU."""

    def __init__(self):
        super().__init__()
        self.on_cpu = ms.get_context("device_target") == "CPU"

    def construct(self, x):
        if self.on_cpu:
            return x * 2
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
