"""A hyperparameter with another value than the original's (a softmax temperature of 1.0 where the original divides by 0.07)."""

import mindspore as ms
import numpy as np
from mindspore import ops

FAMILY = "porting"
EXPECT = "differs"


def _affinity():
    return ms.Tensor(np.array([[0.9, 0.8, 0.1, -0.2]], np.float32))


def bad():
    temperature = 1.0  # the port's --temperature default
    return ops.softmax(_affinity() / temperature, axis=-1)


def good():
    return ops.softmax(_affinity() / 0.07, axis=-1)  # the original: torch.exp(aff / 0.07), normalised
