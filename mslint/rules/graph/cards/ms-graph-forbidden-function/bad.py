"""ms.get_context inside construct is jit-forbidden and does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Doubles x when running on CPU."""

    def construct(self, x):
        if ms.get_context("device_target") == "CPU":  # [ms-graph-forbidden-function]
            return x * 2
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
