"""An op given an operand of a rank it does not take: ops.GatherD needs an index of the input's rank."""

import numpy as np
import mindspore as ms
from mindspore import ops

FAMILY = "api"
EXPECT = "ValueError"


def _keys():
    return ms.Tensor(np.ones((2, 3, 4, 5, 6), np.float32))


def _drain():
    """PyNative reports a failed op again at the next sync: consume that report so good() runs clean."""
    for _ in range(3):
        try:
            (ms.Tensor(np.ones(1, np.float32)) + 1).asnumpy()
            return
        except ValueError:
            continue


def bad():
    # torch: K_expand[:, :, torch.arange(L_Q).unsqueeze(1), index_sample, :] with a 2-D index_sample
    index = ms.Tensor(np.zeros((4, 2), np.int32))
    try:
        return ops.GatherD()(_keys(), -2, index).asnumpy()
    finally:
        _drain()


def good():
    index = ms.Tensor(np.zeros((2, 3, 4, 2, 6), np.int64))
    return ops.GatherD()(_keys(), 3, index).asnumpy()
