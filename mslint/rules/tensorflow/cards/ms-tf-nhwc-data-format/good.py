"""Keep MindSpore's NCHW layout: transpose the NHWC input once."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    conv = nn.Conv2d(3, 8, 3)
    image = np.ones((1, 16, 16, 3), np.float32).transpose(0, 3, 1, 2)
    return conv(Tensor(image)).shape
