"""np.random.randn returns float64, so the tensors are float64: ops.mm has no float64 kernel on Ascend."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    x = Tensor(np.random.randn(2, 3))
    weights = Tensor(np.random.randn(3, 4))
    return ops.mm(x, weights).shape  # [ms-ascend-unsupported-dtype]
