"""A boolean mask cast to int before indexing: x[[mask.astype(int32)]] gathers rows 0/1 instead of selecting rows."""

import numpy as np
import mindspore as ms

FAMILY = "porting"
EXPECT = "differs"


def _data():
    return ms.Tensor(np.arange(8, dtype=np.float32).reshape(4, 2)), ms.Tensor(np.array([1, 1, 0, 1], np.float32))


def bad():
    pred, has = _data()
    return pred[[(has > 0).astype("int32")]]  # torch: pred[[has > 0]]


def good():
    pred, has = _data()
    return pred[has > 0]
