"""A Primitive class given tensors at construction (ops.ReduceMean(x, 1)) instead of being built, then called."""

import numpy as np
import mindspore as ms
from mindspore import ops

FAMILY = "api"
EXPECT = "TypeError"


def bad():
    x = ms.Tensor(np.ones((2, 3, 4), np.float32))
    return ops.ReduceMean(x, 1)


def good():
    x = ms.Tensor(np.ones((2, 3, 4), np.float32))
    return ops.ReduceMean()(x, 1)
