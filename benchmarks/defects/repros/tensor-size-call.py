"""x.size(0) on a MindSpore Tensor: Tensor.size is the element count (an int), not a method."""

import mindspore as ms
import numpy as np

FAMILY = "porting"
EXPECT = "TypeError"


def bad():
    x = ms.Tensor(np.zeros((2, 3), np.float32))
    return x.size(0)


def good():
    x = ms.Tensor(np.zeros((2, 3), np.float32))
    return x.shape[0]
