"""An explicit padding needs pad_mode='pad'."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    conv = nn.Conv2d(1, 2, 3, padding=1, pad_mode='pad')
    return conv(Tensor(np.ones((1, 1, 5, 5), np.float32))).shape
