"""The port computes another expression than the original (a statement, term, index or branch changed or lost in translation)."""

import mindspore as ms
import numpy as np
from mindspore import nn, ops

FAMILY = "porting"
EXPECT = "differs"


def _x():
    rng = np.random.default_rng(0)
    return ms.Tensor((rng.standard_normal((2, 8)) * 3 + 1).astype(np.float32))


def bad():
    # original: y = x = self.norm1(x); return self.norm2(x + y); the port dropped "x ="
    norm1, norm2 = nn.LayerNorm((8,)), nn.LayerNorm((8,))
    x = _x()
    y = ops.relu(norm1(x))  # stands for the feed-forward branch
    return norm2(x + y)


def good():
    norm1, norm2 = nn.LayerNorm((8,)), nn.LayerNorm((8,))
    x = _x()
    y = x = norm1(x)
    y = ops.relu(y)
    return norm2(x + y)
