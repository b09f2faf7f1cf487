"""Cast NumPy data to float32 before it becomes a tensor."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    x = Tensor(np.random.randn(2, 3).astype(np.float32))
    weights = Tensor(np.random.randn(3, 4).astype(np.float32))
    return ops.mm(x, weights).shape
