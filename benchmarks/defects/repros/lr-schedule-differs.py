"""A warmup + cosine schedule rebuilt from CosineDecayLR evaluated at the global step: the cosine is not offset by the warmup."""

import math

import mindspore as ms
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"

LR, MIN_LR, WARMUP, DECAY = 6e-4, 6e-5, 500, 10000
STEPS = [1000, 5000, 9000]


def bad():
    cosine = nn.CosineDecayLR(min_lr=MIN_LR, max_lr=LR, decay_steps=DECAY)
    return [float(cosine(ms.Tensor(s, ms.int32)).asnumpy()) for s in STEPS]


def good():
    out = []
    for s in STEPS:
        ratio = (s - WARMUP) / (DECAY - WARMUP)
        out.append(MIN_LR + 0.5 * (1.0 + math.cos(math.pi * ratio)) * (LR - MIN_LR))
    return out
