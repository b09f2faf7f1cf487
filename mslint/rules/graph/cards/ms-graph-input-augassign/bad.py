"""Augmented assignment on an input tensor: in graph mode it updates the caller's tensor, in PyNative it rebinds."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds y to x in place."""

    def construct(self, x, y):
        x += y  # [ms-graph-input-augassign]
        return x


def demo() -> list:
    """Run once; report the output and the caller's x afterwards."""
    x = Tensor(np.array([1.0, 2.0], np.float32))
    out = Net()(x, Tensor(np.array([10.0, 10.0], np.float32)))
    return [out.asnumpy().tolist(), x.asnumpy().tolist()]
