"""Row lookup with ops.gather: an index of 3 raises on CPU/GPU but gives undefined rows on Ascend."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    table = Tensor(np.arange(6, dtype=np.float32).reshape(3, 2))
    index = Tensor(np.array([0, 2], np.int32))
    return ops.gather(table, index, 0)  # [ms-ascend-index-unchecked]
