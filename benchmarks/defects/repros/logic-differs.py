"""The port computes another expression than the original: an operation of the original (a transpose, a reshape before indexing) lost in translation."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _dense():
    dense = nn.Dense(3, 3, has_bias=False)
    weight = np.arange(9, dtype=np.float32).reshape(3, 3)
    dense.weight.set_data(ms.Tensor(weight.T))  # stored as (fan_in, fan_out), like GPT-2's Conv1D
    return dense


def bad():
    x = ms.Tensor(np.ones((1, 3), np.float32))
    return _dense()(x)  # the original's F.linear(x, T(self.weight)) lost its T(...)


def good():
    x = ms.Tensor(np.ones((1, 3), np.float32))
    dense = _dense()
    return ms.ops.matmul(x, dense.weight)  # x @ T(weight).T
