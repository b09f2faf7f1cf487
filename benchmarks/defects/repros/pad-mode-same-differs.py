"""pad_mode='same' for torch's padding=1 with stride 2: MindSpore pads only at the end, torch on both sides."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"

_X = np.random.RandomState(1).rand(1, 1, 6, 6).astype(np.float32)


def bad():
    return nn.MaxPool2d(kernel_size=3, stride=2, pad_mode="same")(ms.Tensor(_X))


def good():
    return nn.MaxPool2d(kernel_size=3, stride=2, pad_mode="pad", padding=1)(ms.Tensor(_X))
