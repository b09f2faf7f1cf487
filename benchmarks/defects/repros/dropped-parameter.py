"""A parameter the original passes on is dropped: NLLLoss without ignore_index=255 fails on ignored labels."""

import numpy as np
import mindspore as ms
from mindspore import ops

FAMILY = "porting"
EXPECT = "ValueError"


def _inputs():
    logp = ms.Tensor(np.log(np.full((4, 19), 1 / 19, np.float32)))
    target = ms.Tensor(np.array([0, 1, 255, 3], np.int32))
    return logp, target, ms.Tensor(np.ones(19, np.float32))


def bad():
    loss, _ = ops.NLLLoss(reduction="mean")(*_inputs())  # torch: nn.NLLLoss2d(weight, True, ignore_index=255)
    return loss.asnumpy()


def good():
    loss, _ = ops.NLLLoss(reduction="mean", ignore_index=255)(*_inputs())
    return loss.asnumpy()
