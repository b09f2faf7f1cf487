"""Tensor.repeat is Ascend-only in MindSpore 2.10: on CPU it raises (ops.tile / repeat_interleave run everywhere)."""

import numpy as np
import mindspore as ms
from mindspore import ops

FAMILY = "ascend"
EXPECT = "RuntimeError"


def bad():
    return ms.Tensor(np.arange(3, dtype=np.int32)).repeat(2)


def good():
    return ops.tile(ms.Tensor(np.arange(3, dtype=np.int32)), (2,))
