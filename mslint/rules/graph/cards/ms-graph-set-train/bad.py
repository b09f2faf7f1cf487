"""self.set_train(False) in construct: STRICT rejects it; LAX compiles it and BatchNorm keeps batch statistics."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn


class Net(nn.Cell):
    """Normalises in inference mode."""

    def __init__(self):
        super().__init__()
        self.norm = nn.BatchNorm1d(2)

    def construct(self, x):
        self.set_train(False)  # [ms-graph-set-train]
        return self.norm(x)


def demo() -> list[list[float]]:
    """Run a training-mode net once."""
    net = Net()
    net.set_train(True)
    return net(Tensor(np.array([[1.0, 2.0], [3.0, 5.0]], np.float32))).asnumpy().round(4).tolist()
