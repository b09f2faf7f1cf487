"""PyTorch's .eval() on a MindSpore Cell."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    net = nn.BatchNorm1d(2)
    net.eval()  # [ms-train-eval-call]
    return net(Tensor(np.ones((2, 2), np.float32))).shape
