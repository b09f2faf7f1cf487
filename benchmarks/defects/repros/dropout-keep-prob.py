"""nn.Dropout(p=1 - rate): the port converts torch's drop rate as if p were keep_prob, so it drops 1 - rate."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _dropped_fraction(cell):
    cell.set_train(True)
    out = cell(ms.Tensor(np.ones((20000,), np.float32)))
    return round(float((out.asnumpy() == 0).mean()), 1)


def bad():
    return _dropped_fraction(nn.Dropout(p=1.0 - 0.1))


def good():
    return _dropped_fraction(nn.Dropout(p=0.1))
