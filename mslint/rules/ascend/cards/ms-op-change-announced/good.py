"""Tensor.permute says what it means and has no announced change."""
import numpy as np
from mindspore import Tensor


def demo():
    x = Tensor(np.ones((2, 3, 4), np.float32))
    return x.permute(2, 0, 1).shape
