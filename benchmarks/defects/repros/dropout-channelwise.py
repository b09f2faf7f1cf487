"""nn.Dropout for torch's nn.Dropout2d: MindSpore's Dropout zeroes single elements, Dropout2d whole channels."""

import numpy as np
import mindspore as ms
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _partly_zero_channels(cell):
    cell.set_train(True)
    ms.set_seed(0)
    out = cell(ms.Tensor(np.ones((1, 64, 8, 8), np.float32))).asnumpy()
    zeros = (out == 0).reshape(64, -1).mean(axis=1)
    return int(((zeros > 0) & (zeros < 1)).sum())  # channels neither kept whole nor dropped whole


def bad():
    return _partly_zero_channels(nn.Dropout(p=0.5))  # torch: nn.Dropout2d(p=0.5)


def good():
    return _partly_zero_channels(nn.Dropout2d(p=0.5))
