"""The default sorted=True runs on AI Core and gives the same order everywhere."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    x = Tensor(np.array([1.0, 5.0, 3.0, 4.0], np.float32))
    values, indices = ops.topk(x, 2)
    return sorted(values.asnumpy().tolist())
