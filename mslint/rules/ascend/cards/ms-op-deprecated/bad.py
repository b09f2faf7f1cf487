"""ops.TensorAdd was renamed ops.Add in MindSpore 1.1."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    add = ops.TensorAdd()  # [ms-op-deprecated]
    x = Tensor(np.ones(3, np.float32))
    return add(x, x)
