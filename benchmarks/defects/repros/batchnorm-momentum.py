"""torch's BatchNorm momentum passed unchanged: MindSpore's momentum is the weight of the old running value (1 - torch's)."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"

_X = np.random.RandomState(0).rand(4, 3, 5, 5).astype(np.float32) * 3


def _running_mean(momentum):
    bn = nn.BatchNorm2d(3, momentum=momentum)
    bn.set_train(True)
    bn(ms.Tensor(_X))
    return bn.moving_mean.asnumpy()


def bad():
    return _running_mean(0.1)   # torch BatchNorm2d default momentum, copied


def good():
    return _running_mean(0.9)   # what torch's momentum=0.1 means
