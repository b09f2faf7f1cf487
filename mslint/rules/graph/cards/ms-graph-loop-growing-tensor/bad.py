"""A tensor-condition while loop that concatenates a tensor to itself fails to compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Repeats the input until its sum reaches 20."""

    def construct(self, x):
        y = x
        while y.sum() < 20:
            y = ops.concat((y, x))  # [ms-graph-loop-growing-tensor]
        return y


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
