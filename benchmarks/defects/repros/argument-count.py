"""A call with fewer arguments than the callee's construct takes (an argument dropped while porting)."""

import numpy as np
import mindspore as ms
from mindspore import nn

FAMILY = "porting"
EXPECT = "TypeError"


class _Loss(nn.Cell):
    def construct(self, images, target, img_orig, weight):  # pylint: disable=unused-argument
        return (images - target).abs().mean() * weight


def bad():
    x = ms.Tensor(np.ones((2, 2), np.float32))
    return _Loss()(x, x, 1.0)


def good():
    x = ms.Tensor(np.ones((2, 2), np.float32))
    return _Loss()(x, x, x, 1.0)
