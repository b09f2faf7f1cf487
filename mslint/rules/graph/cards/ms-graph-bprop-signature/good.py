"""Graph-safe rewrite: bprop takes construct's inputs plus out and dout."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds two inputs, with a hand-written gradient."""

    def construct(self, x, y):
        return x + y

    def bprop(self, x, y, out, dout):
        return ops.zeros_like(out), ops.zeros_like(out)


def demo() -> list:
    """Differentiate the net once."""
    grad = ms.grad(Net(), grad_position=(0, 1))
    return [t.asnumpy().tolist() for t in grad(Tensor(2.0, ms.float32), Tensor(6.0, ms.float32))]
