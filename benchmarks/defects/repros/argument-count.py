"""A Cell called with fewer arguments than its construct takes (construct was redefined with more parameters)."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "TypeError"


class Head(nn.Cell):
    def construct(self, proposal, proposal_mask, img_metas, features):
        return proposal * 2


def bad():
    x = ms.Tensor(np.ones((1, 3), np.float32))
    return Head()(x, x)


def good():
    x = ms.Tensor(np.ones((1, 3), np.float32))
    return Head()(x, x, x, x)
