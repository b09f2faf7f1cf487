"""A method called on a value that does not have it (asnumpy() on the numpy.ndarray that asnumpy() already returned, a torch-only Tensor method)."""

import mindspore as ms
import numpy as np

FAMILY = "porting"
EXPECT = "AttributeError"


def _iou():
    return ms.Tensor(np.array([0.5], np.float32))


def bad():
    return _iou().asnumpy().asnumpy().item()


def good():
    return _iou().asnumpy().item()
