"""MindSpore's containers: SequentialCell, CellList, CellDict."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    body = nn.SequentialCell(nn.Dense(2, 2), nn.ReLU())
    return body(Tensor(np.ones((1, 2), np.float32))).shape
