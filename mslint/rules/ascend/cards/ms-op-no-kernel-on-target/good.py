"""A matrix product that every device supports: ops.matmul (mint.einsum on Ascend only)."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    a = Tensor(np.ones((2, 3), np.float32))
    b = Tensor(np.ones((3, 4), np.float32))
    return ops.matmul(a, b)
