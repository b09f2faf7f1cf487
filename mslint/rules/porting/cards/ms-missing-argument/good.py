"""A classifier head ported from nn.LazyLinear(10), which infers its input size: nn.Dense needs both sizes."""
import mindspore as ms
import numpy as np
from mindspore import nn


def demo():
    head = nn.Dense(64, 10)
    return head(ms.Tensor(np.ones((2, 64), np.float32))).shape
