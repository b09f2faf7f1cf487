"""A MindSpore layer whose default differs from torch's: nn.GELU() is the tanh approximation, torch.nn.GELU() is exact erf."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"

_X = np.linspace(-3, 3, 13).astype(np.float32)


def bad():
    return nn.GELU()(ms.Tensor(_X))


def good():
    return nn.GELU(approximate=False)(ms.Tensor(_X))
