"""Gradients taken with a loss-scale sensitivity but never divided by the scale before the optimizer step."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "api"
EXPECT = "differs"

_W = np.array([1.0, 2.0, 3.0], np.float32)
_G = np.array([1e-6, -3e-7, 2e-5], np.float32)  # true gradients
SCALE = 2.0 ** 32


def _step(grad):
    p = ms.Parameter(ms.Tensor(_W), name="w")
    nn.AdamWeightDecay([p], learning_rate=15e-6, beta1=0.9, beta2=0.98, eps=1e-6)((ms.Tensor(grad),))
    return p.asnumpy() - _W


def bad():
    return _step(_G * SCALE)  # grads of (loss * scale), passed as they are


def good():
    return _step(_G * SCALE / SCALE)
