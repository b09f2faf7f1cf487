"""A parameter initialised from another distribution than the original's (ops.randn for torch.rand, Normal(0.01) for N(0, 1), ...)."""

import mindspore as ms
import numpy as np
import torch
from mindspore import ops

FAMILY = "porting"
EXPECT = "differs"


def bad():
    w = ms.Parameter(ops.randn((64, 64)))
    return [round(float(w.asnumpy().min()) >= 0.0), round(float(w.asnumpy().mean()), 1)]


def good():
    w = torch.rand(64, 64)  # the original: uniform on [0, 1)
    return [round(float(w.min()) >= 0.0), round(float(w.mean()), 1)]
