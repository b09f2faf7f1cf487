"""A pooling layer ported from PyTorch without its stride: MindSpore's default stride is 1."""
import numpy as np
import torch  # noqa: F401  # the reference implementation this port is compared with
from mindspore import Tensor, nn


def demo():
    pool = nn.MaxPool2d(2, stride=2)
    return pool(Tensor(np.ones((1, 1, 8, 8), np.float32))).shape
