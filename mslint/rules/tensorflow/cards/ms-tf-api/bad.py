"""tf.nn.relu left in a MindSpore model."""
import numpy as np
import tensorflow as tf
from mindspore import Tensor


def demo():
    x = Tensor(np.array([-1.0, 2.0], np.float32))
    return tf.nn.relu(x)  # [ms-tf-api]
