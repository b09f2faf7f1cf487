"""ops.einsum only has a GPU kernel: it fails on Ascend (and on CPU)."""
import numpy as np
from mindspore import Tensor, mint, ops


def demo():
    a = Tensor(np.ones((2, 3), np.float32))
    b = Tensor(np.ones((3, 4), np.float32))
    return mint.einsum("ij,jk->ik", a, b)
