"""A loss that returns an intermediate value (a count) instead of the loss: it no longer depends on the prediction."""

import mindspore as ms
import numpy as np
from mindspore import nn, ops

FAMILY = "porting"
EXPECT = "differs"

_PRED = np.array([0.9, 0.2, 0.7, 0.1], np.float32)
_GT = np.array([1.0, 0.0, 1.0, 0.0], np.float32)


def bad():
    gt = ms.Tensor(_GT)
    negative_count = ops.minimum((1 - gt).sum(), gt.sum() * 3.0)
    return negative_count                      # the port's return


def good():
    return nn.BCELoss()(ms.Tensor(_PRED), ms.Tensor(_GT))
