"""An f-string interpolating a runtime tensor: under STRICT it yields Tensor([0]) instead of text."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Returns a message built from a tensor."""

    def construct(self, x):
        return x * 2, f"v={x}"  # [ms-graph-fstring-tensor]


def demo() -> list:
    """Run twice; report the message type and whether it contains the values."""
    net = Net()
    msgs = [net(Tensor(np.array([1.0, 2.0], np.float32)))[1] for _ in range(2)]
    return [[type(m).__name__, "2." in str(m)] for m in msgs]
