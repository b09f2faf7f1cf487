"""ops.stack of a float32 and a float16 tensor fails in graph mode and in PyNative."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Stacks x with its half-precision copy."""

    def construct(self, x):
        return ops.stack((x, x.astype(ms.float16)))  # [ms-graph-stack-mixed-dtype]


def demo() -> list:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
