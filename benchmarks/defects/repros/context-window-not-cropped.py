"""Generation past block_size stops refreshing the logits instead of cropping the context: the same distribution is reused."""

import mindspore as ms
import numpy as np
from mindspore import nn, ops

FAMILY = "porting"
EXPECT = "differs"

BLOCK = 4


def _next_logits(net, idx):
    return net(idx[:, -BLOCK:].astype(ms.float32)).sum(axis=1)


def _generate(crop):
    ms.set_seed(0)
    net = nn.Dense(1, 5)
    idx = ms.Tensor([[1, 2, 3]], ms.int32)
    logits = _next_logits(net, idx.reshape(1, 3, 1))
    used = []
    for _ in range(4):
        used.append(logits.asnumpy())
        nxt = ops.argmax(logits, dim=-1, keepdim=True).astype(ms.int32)
        idx = ops.concat([idx, nxt], axis=1)
        if crop or idx.shape[1] - 1 < BLOCK:
            logits = _next_logits(net, idx.reshape(1, -1, 1))
    return used


def bad():
    return _generate(False)


def good():
    return _generate(True)
