"""A per-call seed: Ascend ignores it, so the dropout mask is not reproducible there."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    x = Tensor(np.ones((2, 4), np.float32))
    return ops.dropout(x, p=0.5, seed=1).shape  # [ms-ascend-random-seed-ignored]
