"""requires_grad of a Parameter read in graph code fails to compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Scales by a weight when it is trainable."""

    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.full(2, 3.0, np.float32)), name='w')

    def construct(self, x):
        if self.w.requires_grad:  # [ms-graph-unsupported-attribute]
            return x * self.w
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
