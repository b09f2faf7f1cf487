"""Optimizer loss_scale=S while the loss is not scaled by S (TrainOneStepCell sens=1): updates shrink S times."""

import numpy as np
import mindspore as ms
from mindspore import nn

FAMILY = "api"
EXPECT = "differs"


def _one_step(loss_scale):
    net = nn.Dense(3, 1, weight_init="ones", bias_init="zeros")
    opt = nn.SGD(net.trainable_params(), learning_rate=0.01, momentum=0.9, loss_scale=loss_scale)
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
    step(ms.Tensor(np.ones((2, 3), np.float32)), ms.Tensor(np.zeros((2, 1), np.float32)))
    return net.weight.asnumpy()


def bad():
    return _one_step(64.0)


def good():
    return _one_step(1.0)
