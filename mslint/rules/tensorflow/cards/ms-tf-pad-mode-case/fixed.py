"""pad_mode in TensorFlow's upper case on nn.Conv2d (nn.MaxPool2d would accept it)."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    conv = nn.Conv2d(3, 8, 3, pad_mode="same")
    pool = nn.MaxPool2d(3, 2, pad_mode="SAME")
    return pool(conv(Tensor(np.ones((1, 3, 16, 16), np.float32)))).shape
