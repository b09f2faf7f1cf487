"""PyTorch's Conv2d(padding=1) without pad_mode='pad': MindSpore's default pad_mode is 'same'."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    conv = nn.Conv2d(1, 2, 3, padding=1)  # [ms-padding-without-pad-mode]
    return conv(Tensor(np.ones((1, 1, 5, 5), np.float32))).shape
