"""Conv bias differs from the original: MindSpore's Conv has_bias defaults to False (torch bias=True), or has_bias=True where torch had bias=False."""

import mindspore as ms
import numpy as np
from mindspore import nn
from mindspore.common.initializer import Constant

FAMILY = "porting"
EXPECT = "differs"


def _conv(has_bias):
    return nn.Conv1d(3, 4, 1, has_bias=has_bias, weight_init=Constant(0.5), bias_init=Constant(0.25))


def bad():
    x = ms.Tensor(np.ones((1, 3, 5), np.float32))
    return _conv(True)(x)  # the original: nn.Conv1d(3, 4, 1, bias=False)


def good():
    x = ms.Tensor(np.ones((1, 3, 5), np.float32))
    return _conv(False)(x)
