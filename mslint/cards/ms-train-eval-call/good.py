"""Cells switch mode with set_train(True/False)."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    net = nn.BatchNorm1d(2)
    net.set_train(False)
    return net(Tensor(np.ones((2, 2), np.float32))).shape
