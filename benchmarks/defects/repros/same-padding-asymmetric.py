"""pad_mode="same" for torch's symmetric padding=k//2 with stride 2: MindSpore pads only at the end, windows shift."""

import numpy as np
import mindspore as ms
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _x():
    return np.arange(64, dtype=np.float32).reshape(1, 1, 8, 8)[:, :, :, ::-1].copy()


def bad():
    pool = nn.MaxPool2d(3, stride=2, pad_mode="same")  # torch: nn.MaxPool2d(3, stride=2, padding=1)
    return pool(ms.Tensor(_x()))


def good():
    pool = nn.MaxPool2d(3, stride=2, pad_mode="pad", padding=1)
    return pool(ms.Tensor(_x()))
