"""A statement ported so that it computes something else: torch's `y = x = norm(x)` became `y = norm(x)`."""

import numpy as np
import mindspore as ms
from mindspore import nn


def _residual(chained):
    norm = nn.LayerNorm((4,))
    x = ms.Tensor(np.arange(8, dtype=np.float32).reshape(2, 4))
    if chained:
        y = x = norm(x)
    else:
        y = norm(x)
    return x + y * 0.5


FAMILY = "porting"
EXPECT = "differs"


def bad():
    return _residual(False)


def good():
    return _residual(True)
