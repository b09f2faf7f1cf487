"""The migration guide's Bottleneck: mode was dropped from __init__ but is still stored."""
import numpy as np
from mindspore import Tensor, nn


class Bottleneck(nn.Cell):
    def __init__(self, channels, k=1, mode=None):
        super().__init__()
        self.mode = mode
        self.k = k
        self.relu = nn.ReLU()

    def construct(self, x):
        if self.mode == "UP":
            return x
        return self.relu(x)


def demo():
    return Bottleneck(4)(Tensor(np.array([-1.0, 2.0], np.float32))).asnumpy().tolist()
