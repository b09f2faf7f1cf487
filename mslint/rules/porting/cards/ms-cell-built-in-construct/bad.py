"""A dropout layer built inside construct and kept as the value instead of being applied."""
import numpy as np
from mindspore import Tensor, nn


class Block(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc = nn.Dense(4, 4)

    def construct(self, x):
        out = nn.Dropout(p=0.1)  # [ms-cell-built-in-construct]
        return self.fc(x) + out


def demo():
    return Block()(Tensor(np.ones((1, 4), np.float32))).shape
