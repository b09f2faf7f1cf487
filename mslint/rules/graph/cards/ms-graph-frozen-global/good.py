"""Graph-safe rewrite: pass the changing value as a Tensor argument."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops

SCALE = 2.0


class Net(nn.Cell):
    """Scales by an argument."""

    def construct(self, x, scale):
        return x * scale


def set_scale(value: float) -> None:
    """Change the module global between calls."""
    global SCALE
    SCALE = value


def demo() -> list:
    """Call, change SCALE, call again."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    first = net(x, Tensor(SCALE, ms.float32)).asnumpy().tolist()
    set_scale(3.0)
    return [first, net(x, Tensor(SCALE, ms.float32)).asnumpy().tolist()]
