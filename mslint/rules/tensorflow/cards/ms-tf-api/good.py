"""MindSpore's counterpart of tf.nn.relu."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    x = Tensor(np.array([-1.0, 2.0], np.float32))
    return ops.relu(x)
