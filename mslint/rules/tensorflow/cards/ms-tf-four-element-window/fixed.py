"""tf.nn.conv2d's strides [1, s_h, s_w, 1] copied to nn.Conv2d."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    conv = nn.Conv2d(3, 8, 3, stride=(2, 2))
    return conv(Tensor(np.ones((1, 3, 16, 16), np.float32))).shape
