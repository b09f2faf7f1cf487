"""TensorFlow's 'SAME' is MindSpore's pad_mode='same' (both pad the odd pixel at the end)."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    conv = nn.Conv2d(3, 8, 3, stride=2, pad_mode="same")
    return conv(Tensor(np.ones((1, 3, 15, 15), np.float32))).shape
