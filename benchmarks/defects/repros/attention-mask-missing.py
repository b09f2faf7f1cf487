"""Causal attention whose mask is skipped on one path (here the KV-cache prefill): earlier positions see later tokens."""

import mindspore as ms
import numpy as np
from mindspore import ops

FAMILY = "porting"
EXPECT = "differs"

_Q = np.random.RandomState(0).rand(1, 1, 4, 8).astype(np.float32)


def _attend(causal):
    q = ms.Tensor(_Q)
    att = ops.matmul(q, q.transpose(0, 1, 3, 2)) / np.sqrt(8.0)
    if causal:
        att = att + ms.Tensor(np.triu(np.full((4, 4), -1e9, np.float32), k=1))
    return ops.matmul(ops.softmax(att, axis=-1), q)


def bad():
    return _attend(False)


def good():
    return _attend(True)
