"""A layer built with another hyperparameter value (here a temporal stride of 1) than the original model uses (2)."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _tcn(stride):
    conv = nn.Conv2d(4, 4, (9, 1), stride=(stride, 1), pad_mode="pad", padding=(4, 4, 0, 0), has_bias=True)
    return conv(ms.Tensor(np.ones((1, 4, 16, 5), np.float32))).shape


def bad():
    return list(_tcn(1))


def good():
    return list(_tcn(2))
