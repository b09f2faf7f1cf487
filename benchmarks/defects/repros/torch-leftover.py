"""A torch API left in MindSpore code: torch functions do not take MindSpore tensors (and torch may not be installed)."""

import numpy as np
import mindspore as ms
from mindspore import ops

FAMILY = "porting"
EXPECT = "TypeError"


def bad():
    import torch  # pylint: disable=import-outside-toplevel

    x = ms.Tensor(np.ones((2, 2), np.float32))
    return torch.cat([x, x], dim=0)


def good():
    x = ms.Tensor(np.ones((2, 2), np.float32))
    return ops.cat([x, x], axis=0)
