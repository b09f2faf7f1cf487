"""PyTorch's container name used on mindspore.nn."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    body = nn.Sequential(nn.Dense(2, 2), nn.ReLU())  # [ms-torch-name-on-mindspore]
    return body(Tensor(np.ones((1, 2), np.float32))).shape
