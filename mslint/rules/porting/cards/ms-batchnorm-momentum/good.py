"""MindSpore momentum = 1 - PyTorch momentum: 0.9 here is PyTorch's 0.1."""
import numpy as np
from mindspore import Tensor, nn


def batch_norm(channels, momentum=0.9):
    return nn.BatchNorm2d(channels, momentum=momentum)


def demo():
    bn = batch_norm(2)
    bn.set_train()
    bn(Tensor(np.full((4, 2, 3, 3), 5.0, np.float32)))
    return [round(v, 3) for v in bn.moving_mean.asnumpy().tolist()]
