"""A ported Cell that that defines construct()."""
import numpy as np
from mindspore import Tensor, nn


class Block(nn.Cell):
    def __init__(self):
        super().__init__()
        self.dense = nn.Dense(4, 2)

    def construct(self, x):
        return self.dense(x)


def demo():
    return Block()(Tensor(np.ones((1, 4), np.float32))).shape
