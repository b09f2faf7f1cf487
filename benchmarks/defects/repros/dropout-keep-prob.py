"""nn.Dropout(keep_prob=p) given torch's drop probability p: MindSpore keeps p, so it drops 1 - p."""

import numpy as np
import mindspore as ms
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _zero_fraction(cell):
    cell.set_train(True)
    ms.set_seed(0)
    out = cell(ms.Tensor(np.ones((200, 200), np.float32))).asnumpy()
    return round(float((out == 0).mean()), 1)


def bad():
    return _zero_fraction(nn.Dropout(keep_prob=0.3))  # torch: nn.Dropout(p=0.3)


def good():
    return _zero_fraction(nn.Dropout(p=0.3))
