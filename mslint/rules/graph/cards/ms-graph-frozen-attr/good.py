"""Graph-safe rewrite: keep the changing value in a non-trainable Parameter."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Scales by a Parameter."""

    def __init__(self):
        super().__init__()
        self.scale = ms.Parameter(Tensor(2.0, ms.float32), name="scale", requires_grad=False)

    def construct(self, x):
        return x * self.scale


def demo() -> list:
    """Call, update the Parameter, call again."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    first = net(x).asnumpy().tolist()
    net.scale.set_data(Tensor(3.0, ms.float32))
    return [first, net(x).asnumpy().tolist()]
