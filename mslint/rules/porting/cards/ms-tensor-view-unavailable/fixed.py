"""Tensor.view in code that must run on MindSpore 1.x."""
import numpy as np
from mindspore import Tensor, nn


class Flatten(nn.Cell):
    def construct(self, x):
        return x.reshape(x.shape[0], -1)


def demo():
    return Flatten()(Tensor(np.ones((2, 3, 4), np.float32))).shape
