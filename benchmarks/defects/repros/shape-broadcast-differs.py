"""(N,1,H,W) * (N,H,W) broadcasts to (N,N,H,W): the channel axis the original dropped ([:, 0]) mixes the batch."""

import mindspore as ms
import numpy as np

FAMILY = "porting"
EXPECT = "differs"

_R = np.random.RandomState(0)
_PRED = _R.rand(2, 1, 4, 4).astype(np.float32)
_MASK = np.stack([np.ones((4, 4)), np.zeros((4, 4))]).astype(np.float32)


def bad():
    return (ms.Tensor(_PRED) * ms.Tensor(_MASK)).sum()


def good():
    return (ms.Tensor(_PRED)[:, 0] * ms.Tensor(_MASK)).sum()
