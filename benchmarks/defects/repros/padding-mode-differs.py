"""Padding other than the original's: torch padding_mode='circular' ported as zero padding, or explicit symmetric padding as pad_mode='same'."""

import mindspore as ms
import numpy as np
from mindspore import nn
from mindspore import ops

FAMILY = "porting"
EXPECT = "differs"


def _x():
    return ms.Tensor(np.arange(1, 9, dtype=np.float32).reshape(1, 1, 8))


def bad():
    conv = nn.Conv1d(1, 1, 3, pad_mode="pad", padding=1, has_bias=False, weight_init="ones")
    pool = nn.MaxPool1d(kernel_size=3, stride=2, pad_mode="same")
    return [conv(_x()), pool(_x())]


def good():
    conv = nn.Conv1d(1, 1, 3, pad_mode="valid", has_bias=False, weight_init="ones")
    x = _x()
    circular = ops.concat((x[:, :, -1:], x, x[:, :, :1]), axis=2)  # torch padding_mode='circular'
    pool = nn.MaxPool1d(kernel_size=3, stride=2, pad_mode="pad", padding=1)  # torch MaxPool1d(3, 2, padding=1)
    return [conv(circular), pool(x)]
