"""A module global read in graph code is frozen at the first compile; later changes are ignored."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops

SCALE = 2.0


class Net(nn.Cell):
    """Scales by a module-level constant."""

    def construct(self, x):
        return x * SCALE  # [ms-graph-frozen-global]


def set_scale(value: float) -> None:
    """Change the module global between calls."""
    global SCALE
    SCALE = value


def demo() -> list:
    """Call, change SCALE, call again."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    first = net(x).asnumpy().tolist()
    set_scale(3.0)
    return [first, net(x).asnumpy().tolist()]
