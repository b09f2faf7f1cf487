"""A strided convolution ported from PyTorch's padding=1 to pad_mode='same': the padding moves to one side."""
import numpy as np
import torch  # noqa: F401  # the reference implementation this port is compared with
from mindspore import Tensor, nn


def demo():
    conv = nn.Conv2d(1, 1, 3, stride=2, pad_mode="same", has_bias=False, weight_init="ones")  # [ms-same-padding-stride]
    x = Tensor(np.arange(64, dtype=np.float32).reshape(1, 1, 8, 8))
    return conv(x).asnumpy()[0, 0, 0].tolist()
