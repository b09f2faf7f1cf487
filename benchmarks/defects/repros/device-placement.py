"""A torch device call (.cuda(), .to(device)) left on a MindSpore Tensor or Cell."""

import mindspore as ms
import numpy as np

FAMILY = "porting"
EXPECT = "AttributeError"


def bad():
    return ms.Tensor.from_numpy(np.ones(3, np.float32)).cuda()


def good():
    return ms.Tensor.from_numpy(np.ones(3, np.float32))
