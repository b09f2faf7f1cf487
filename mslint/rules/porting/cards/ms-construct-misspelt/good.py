"""A Cell whose construct() is misspelt: MindSpore finds no construct to run."""
import numpy as np
from mindspore import Tensor, nn


class Head(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc = nn.Dense(4, 2)

    def construct(self, x):
        return self.fc(x)


def demo():
    return Head()(Tensor(np.ones((1, 4), np.float32))).shape
