"""Group convolution that is not depthwise, and a negative transpose axis: both rejected on Ascend."""
import numpy as np
from mindspore import Tensor, nn, ops


class Block(nn.Cell):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(8, 16, 3, group=2)  # [ms-ascend-op-constraint]

    def construct(self, x):
        y = self.conv(x)
        return ops.transpose(y, (0, 2, 3, -3))  # [ms-ascend-op-constraint]


def demo():
    return Block()(Tensor(np.ones((1, 8, 4, 4), np.float32))).shape
