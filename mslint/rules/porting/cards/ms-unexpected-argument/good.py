"""ops functions name the dimension axis (mint keeps PyTorch's dim)."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    x = Tensor(np.ones((2, 3), np.float32))
    return ops.cat([x, x], axis=1).shape
