"""A MindSpore layer left at its default where the default differs from torch's (LayerNorm epsilon 1e-7, GELU tanh approximation)."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _inputs():
    rng = np.random.default_rng(0)
    return ms.Tensor((rng.standard_normal((2, 8)) * 1e-3).astype(np.float32))


def bad():
    x = _inputs()
    return [nn.LayerNorm((8,))(x), nn.GELU()(x * 1000)]


def good():
    x = _inputs()
    return [nn.LayerNorm((8,), epsilon=1e-5)(x), nn.GELU(approximate=False)(x * 1000)]
