"""A depthwise convolution followed by a pointwise one, and non-negative transpose axes."""
import numpy as np
from mindspore import Tensor, nn, ops


class Block(nn.Cell):
    def __init__(self):
        super().__init__()
        self.depthwise = nn.Conv2d(8, 8, 3, group=8)
        self.pointwise = nn.Conv2d(8, 16, 1)

    def construct(self, x):
        y = self.pointwise(self.depthwise(x))
        return ops.transpose(y, (0, 2, 3, 1))


def demo():
    return Block()(Tensor(np.ones((1, 8, 4, 4), np.float32))).shape
