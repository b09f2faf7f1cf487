"""A keyword the MindSpore 2.10 method does not accept (MindSpore 1.x numpy-style clip(xmin=, xmax=), repeat(axis=))."""

import numpy as np
import mindspore as ms

FAMILY = "api"
EXPECT = "TypeError"


def bad():
    return ms.Tensor(np.array([-1, 5, 200], np.int64)).clip(xmin=0, xmax=127)


def good():
    return ms.Tensor(np.array([-1, 5, 200], np.int64)).clip(0, 127)
