"""A name looked up in a MindSpore module that does not define it (ops.Conv1D: torch F.conv1d has no Primitive of that name)."""

import mindspore as ms
import numpy as np
from mindspore import ops

FAMILY = "porting"
EXPECT = "AttributeError"


def bad():
    x = ms.Tensor(np.ones((1, 4, 5), np.float32))
    w = ms.Tensor(np.ones((6, 2, 1), np.float32))
    return ops.Conv1D(x, w, group=2)


def good():
    x = ms.Tensor(np.ones((1, 4, 5), np.float32))
    w = ms.Tensor(np.ones((6, 2, 1), np.float32))
    return ops.conv1d(x, w, groups=2)
