"""ops.transpose(x, perm) permutes, but its docstring announces a two-dimension swap after 2.9.0."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    x = Tensor(np.ones((2, 3, 4), np.float32))
    return ops.transpose(x, (2, 0, 1)).shape  # [ms-op-change-announced]
