"""A MindSpore method called with torch's argument list: Conv2d.construct takes only x (torch's _conv_forward took x, weight, bias)."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "TypeError"


def bad():
    conv = nn.Conv2d(2, 3, 3)
    return conv.construct(ms.Tensor(np.ones((1, 2, 5, 5), np.float32)), conv.weight, conv.bias)


def good():
    conv = nn.Conv2d(2, 3, 3)
    return conv.construct(ms.Tensor(np.ones((1, 2, 5, 5), np.float32)))
