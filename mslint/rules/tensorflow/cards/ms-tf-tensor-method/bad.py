"""TensorFlow's x.get_shape() on a MindSpore tensor."""
import numpy as np
from mindspore import Tensor


def demo():
    x = Tensor(np.ones((2, 3), np.float32))
    return x.get_shape()[-1]  # [ms-tf-tensor-method]
