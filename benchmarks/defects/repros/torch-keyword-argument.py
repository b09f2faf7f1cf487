"""A MindSpore function called with torch's keyword names (ops.norm(x, p=2, dim=2) written as axis=/p=, clip_by_value(min=) for torch.clamp)."""

import mindspore as ms
import numpy as np
from mindspore import ops

FAMILY = "porting"
EXPECT = "TypeError"


def _x():
    return ms.Tensor(np.arange(24, dtype=np.float32).reshape(2, 4, 3))


def bad():
    return ops.norm(_x(), axis=2, p=2)


def good():
    return ops.norm(_x(), ord=2, dim=2)
