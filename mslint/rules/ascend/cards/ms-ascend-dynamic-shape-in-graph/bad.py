"""masked_select's output length depends on the data: a dynamic shape inside a jit function."""
import numpy as np
import mindspore as ms
from mindspore import Tensor, ops


@ms.jit
def positive_sum(x):
    return ops.masked_select(x, x > 0).sum()  # [ms-ascend-dynamic-shape-in-graph]


def demo():
    return positive_sum(Tensor(np.array([-1.0, 2.0, 3.0], np.float32)))
