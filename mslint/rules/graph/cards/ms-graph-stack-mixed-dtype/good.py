"""Graph-safe rewrite: cast to one dtype before stacking."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Stacks x with its half-precision copy, both as float32."""

    def construct(self, x):
        return ops.stack((x, x.astype(ms.float16).astype(ms.float32)))


def demo() -> list:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
