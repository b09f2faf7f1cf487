"""getattr with an attribute name that depends on a tensor does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Chooses a scale attribute by name from a tensor condition."""

    def __init__(self):
        super().__init__()
        self.a = 2.0
        self.b = 3.0

    def construct(self, x):
        name = "a" if x.sum() > 0 else "b"
        return x * getattr(self, name)  # [ms-graph-nonconst-getattr]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
