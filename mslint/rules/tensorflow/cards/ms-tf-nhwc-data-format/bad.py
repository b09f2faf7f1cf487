"""TensorFlow's NHWC layout on nn.Conv2d: MindSpore builds it on GPU only."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    conv = nn.Conv2d(3, 8, 3, data_format="NHWC")  # [ms-tf-nhwc-data-format]
    return conv(Tensor(np.ones((1, 16, 16, 3), np.float32))).shape
