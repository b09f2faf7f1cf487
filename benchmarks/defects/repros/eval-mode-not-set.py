"""Evaluation run while the network is still in training mode (no set_train(False) where the original called model.eval()): BatchNorm uses batch statistics."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


class _Wrap(nn.Cell):
    def __init__(self, net):
        super().__init__()
        self.net = net

    def construct(self, x):
        return self.net(x)


def _run(reset):
    ms.set_seed(0)
    net = nn.SequentialCell([nn.Dense(4, 4), nn.BatchNorm1d(4)])
    _Wrap(net).set_train()  # the training step wrapper
    if reset:
        net.set_train(False)
    x = ms.Tensor(np.random.default_rng(0).standard_normal((8, 4)).astype(np.float32) * 5 + 3)
    return _Wrap(net)(x)  # a fresh evaluation wrapper: training flag of net unchanged


def bad():
    return _run(False)


def good():
    return _run(True)
