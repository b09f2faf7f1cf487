"""A NumPy function applied to a MindSpore Tensor returns a numpy.ndarray, which MindSpore ops then reject."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "TypeError"


def _x():
    return ms.Tensor(np.random.default_rng(0).random((2, 1, 16, 16)).astype(np.float32))


def bad():
    x = np.repeat(_x()[..., np.newaxis], 3, 1).squeeze()
    return nn.MAELoss()(x, x * 0.5)


def good():
    x = ms.ops.tile(_x(), (1, 3, 1, 1))
    return nn.MAELoss()(x, x * 0.5)
