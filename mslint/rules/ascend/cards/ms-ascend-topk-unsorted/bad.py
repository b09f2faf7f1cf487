"""topk(sorted=False): an AICPU kernel on Ascend, with a platform-dependent order."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    x = Tensor(np.array([1.0, 5.0, 3.0, 4.0], np.float32))
    values, indices = ops.topk(x, 2, sorted=False)  # [ms-ascend-topk-unsorted]
    return sorted(values.asnumpy().tolist())
