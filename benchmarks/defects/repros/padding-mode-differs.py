"""pad_mode='same' where the original padded symmetrically (torch padding=1): with stride 2 MindSpore pads only bottom/right, so every output pixel is sampled one step off."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _x():
    return ms.Tensor(np.arange(64, dtype=np.float32).reshape(1, 1, 8, 8))


def bad():
    conv = nn.Conv2d(1, 1, 3, stride=2, pad_mode="same", has_bias=False, weight_init="ones")
    return conv(_x())


def good():
    conv = nn.Conv2d(1, 1, 3, stride=2, pad_mode="pad", padding=1, has_bias=False, weight_init="ones")
    return conv(_x())  # torch.nn.Conv2d(1, 1, 3, stride=2, padding=1)
