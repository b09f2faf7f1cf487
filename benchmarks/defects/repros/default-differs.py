"""A MindSpore layer left at its default where torch's default differs (nn.LeakyReLU slope 0.2 vs torch's 0.01)."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _x():
    return ms.Tensor(np.array([-2.0, -0.5, 1.0], np.float32))


def bad():
    return nn.LeakyReLU()(_x())


def good():
    return nn.LeakyReLU(alpha=0.01)(_x())  # torch.nn.LeakyReLU(): negative_slope=0.01
