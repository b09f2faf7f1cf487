"""nn.Conv2d without has_bias: MindSpore's default is no bias, torch's Conv2d default is bias=True."""

import numpy as np
import mindspore as ms
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _x():
    return ms.Tensor(np.ones((1, 2, 3, 3), np.float32))


def bad():
    conv = nn.Conv2d(2, 1, 1, weight_init="ones")  # torch: nn.Conv2d(2, 1, 1) has a (learned) bias
    return conv(_x())


def good():
    conv = nn.Conv2d(2, 1, 1, weight_init="ones", has_bias=True, bias_init="ones")
    return conv(_x())
