"""nn.Conv2d(..., padding=p) without pad_mode='pad': MindSpore's default pad_mode='same' rejects a nonzero padding."""

import numpy as np
import mindspore as ms
from mindspore import nn

FAMILY = "porting"
EXPECT = "ValueError"


def bad():
    conv = nn.Conv2d(3, 4, kernel_size=7, stride=2, padding=3, has_bias=False)  # torch: nn.Conv2d(3, 4, 7, 2, 3)
    return conv(ms.Tensor(np.ones((1, 3, 16, 16), np.float32)))


def good():
    conv = nn.Conv2d(3, 4, kernel_size=7, stride=2, pad_mode="pad", padding=3, has_bias=False)
    return conv(ms.Tensor(np.ones((1, 3, 16, 16), np.float32)))
