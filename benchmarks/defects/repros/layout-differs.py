"""A tensor rearranged in another element order than the original (split + concat on the wrong axis before a reshape)."""

import mindspore as ms
import numpy as np
from mindspore import ops

FAMILY = "porting"
EXPECT = "differs"

N, C, H, W, K = 1, 1, 2, 2, 3
_X = np.arange(N * C * H * W * K * K, dtype=np.float32).reshape(N, C, H, W, K * K)


def bad():
    splits = ops.Split(axis=-1, output_num=K)(ms.Tensor(_X))
    return ops.Concat(axis=2)(splits).reshape(N, C, H * K, W * K)


def good():
    x = ms.Tensor(_X).reshape(N, C, H, W, K, K).transpose(0, 1, 2, 4, 3, 5)
    return x.reshape(N, C, H * K, W * K)
