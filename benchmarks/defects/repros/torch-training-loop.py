"""A torch training step left in: loss.backward() / optimizer.step() do not exist on MindSpore tensors and cells."""

import numpy as np
import mindspore as ms
from mindspore import nn

FAMILY = "porting"
EXPECT = "AttributeError"


def _data():
    return ms.Tensor(np.ones((2, 3), np.float32)), ms.Tensor(np.zeros((2, 1), np.float32))


def bad():
    net = nn.Dense(3, 1)
    x, y = _data()
    loss = nn.MSELoss()(net(x), y)
    loss.backward()
    return loss


def good():
    net = nn.Dense(3, 1)
    opt = nn.Adam(net.trainable_params())
    step = nn.TrainOneStepCell(nn.WithLossCell(net, nn.MSELoss()), opt)
    return step(*_data())
