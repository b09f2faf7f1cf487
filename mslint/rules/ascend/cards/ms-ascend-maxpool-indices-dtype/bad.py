"""Max-pooling indices are int64 on CPU/GPU (as in PyTorch) but uint16 on Ascend."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    x = Tensor(np.arange(16, dtype=np.float32).reshape(1, 1, 4, 4))
    values, indices = ops.max_pool2d(x, 2, 2, return_indices=True)  # [ms-ascend-maxpool-indices-dtype]
    return str(indices.dtype)
