"""A complex64 tensor reaches an op: fine on CPU, but complex dtypes fail through aclnn on Ascend."""
import numpy as np
import mindspore as ms
from mindspore import Tensor, ops


def demo():
    z = Tensor(np.array([3.0, 0.0], np.float32)).astype(ms.complex64)
    return ops.abs(z).asnumpy().tolist()  # [ms-ascend-complex-dtype]
