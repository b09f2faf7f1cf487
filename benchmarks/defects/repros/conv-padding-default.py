"""nn.Conv2d left at MindSpore's defaults (pad_mode='same', has_bias=False) where torch's defaults are padding=0, bias=True."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _x():
    return ms.Tensor(np.ones((1, 2, 6, 6), np.float32))


def bad():
    return nn.Conv2d(2, 3, 3, weight_init="ones")(_x())


def good():
    return nn.Conv2d(2, 3, 3, pad_mode="valid", has_bias=True, weight_init="ones")(_x())  # torch nn.Conv2d(2, 3, 3)
