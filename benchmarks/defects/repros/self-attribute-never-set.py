"""self.xxx read but never assigned: the original's register_buffer(...) was commented out in the port."""

import numpy as np
import mindspore as ms
from mindspore import nn, ops

FAMILY = "porting"
EXPECT = "AttributeError"


class _Smpl(nn.Cell):
    def __init__(self, register):
        super().__init__()
        regressor = ms.Tensor(np.ones((2, 3), np.float32))
        if register:
            self.train_regressor = regressor

    def construct(self, vertices):
        return ops.matmul(self.train_regressor[None, :], vertices)


def bad():
    return _Smpl(False)(ms.Tensor(np.ones((1, 3, 3), np.float32)))


def good():
    return _Smpl(True)(ms.Tensor(np.ones((1, 3, 3), np.float32)))
