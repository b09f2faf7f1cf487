"""An inception-style concat ported from tf.concat(3, ...): axis 3 is the width of NCHW outputs."""
import numpy as np
from mindspore import Tensor, nn, ops


class Inception(nn.Cell):
    def __init__(self):
        super().__init__()
        self.branch1 = nn.Conv2d(3, 4, 1)
        self.pool = nn.MaxPool2d(3, 1, pad_mode="SAME")
        self.branch3 = nn.Conv2d(3, 4, 3)

    def construct(self, x):
        a = self.branch1(x)
        b = self.branch3(self.pool(x))
        return ops.concat((a, b), 1)


def demo():
    return Inception()(Tensor(np.ones((1, 3, 8, 8), np.float32))).shape
