"""TensorFlow's padding='SAME' passed to nn.Conv2d."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    conv = nn.Conv2d(3, 8, 3, stride=2, padding="SAME")  # [ms-tf-padding-string]
    return conv(Tensor(np.ones((1, 3, 15, 15), np.float32))).shape
