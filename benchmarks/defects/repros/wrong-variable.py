"""A similarly named variable passed for a size (in_channels=3 for in_channels_head=256): the layer gets the wrong shape."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "ValueError"

IN_CHANNELS, IN_CHANNELS_HEAD = 3, 256


def bad():
    head = nn.Dense(IN_CHANNELS, 60)
    return head(ms.Tensor(np.ones((2, IN_CHANNELS_HEAD), np.float32)))


def good():
    head = nn.Dense(IN_CHANNELS_HEAD, 60)
    return head(ms.Tensor(np.ones((2, IN_CHANNELS_HEAD), np.float32)))
