"""An argument translated with another value than the original call's (np.histogram bins/range, conv padding)."""

import numpy as np
import mindspore as ms
import mindspore.numpy as mnp

FAMILY = "porting"
EXPECT = "differs"


def _labels():
    return np.random.default_rng(0).integers(0, 19, size=400)


def bad():
    # original: np.histogram(target, range(20), normed=True): 19 bins of width 1 on [0, 19]
    hist, _ = mnp.histogram(ms.Tensor(_labels().astype(np.int32)), bins=19, range=(0.0, 18.0), density=True)
    return hist


def good():
    hist, _ = mnp.histogram(ms.Tensor(_labels().astype(np.int32)), bins=19, range=(0.0, 19.0), density=True)
    return hist
