"""Primitive classes called like functions: the tensors go to the constructor instead of the call."""
import mindspore as ms
import numpy as np
from mindspore import ops


def demo():
    x = ms.Tensor(np.ones((2, 3), np.float32))
    y = ops.Tanh()(x)
    z = ops.Concat(axis=1)((x, y))
    return z.shape
