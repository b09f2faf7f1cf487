"""PyTorch's dim= passed to ops.cat, whose parameter is axis."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    x = Tensor(np.ones((2, 3), np.float32))
    return ops.cat([x, x], dim=1).shape  # [ms-unexpected-argument]
