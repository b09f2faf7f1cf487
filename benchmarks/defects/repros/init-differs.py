"""A layer left at MindSpore's default initialisation (or given another initializer) where the original initialised it explicitly (kaiming_normal_ weights, zero bias, N(0, 0.001), a prior-probability bias)."""

import mindspore as ms
import numpy as np
from mindspore import nn
from mindspore.common.initializer import HeNormal, Zero

FAMILY = "porting"
EXPECT = "differs"


def _stats(conv):
    weight, bias = conv.weight.asnumpy(), conv.bias.asnumpy()
    return [round(float(weight.std()), 1), float(np.abs(bias).max() > 0)]


def bad():
    ms.set_seed(0)
    return _stats(nn.Conv2d(256, 128, kernel_size=1, has_bias=True))


def good():
    ms.set_seed(0)
    # torch: init(conv.weight) with nn.init.kaiming_normal_; nn.init.constant_(conv.bias, 0)
    conv = nn.Conv2d(256, 128, kernel_size=1, has_bias=True,
                     weight_init=HeNormal(mode="fan_in", nonlinearity="relu"), bias_init=Zero())
    return _stats(conv)
