"""PyTorch's x.size(0) in a MindSpore Cell."""
import numpy as np
from mindspore import Tensor, nn


class Flatten(nn.Cell):
    def construct(self, x):
        batch = x.size(0)  # [ms-tensor-size-call]
        return x.reshape(batch, -1)


def demo():
    return Flatten()(Tensor(np.ones((2, 3, 4), np.float32))).shape
