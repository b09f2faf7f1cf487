"""The batch size is x.shape[0]."""
import numpy as np
from mindspore import Tensor, nn


class Flatten(nn.Cell):
    def construct(self, x):
        batch = x.shape[0]
        return x.reshape(batch, -1)


def demo():
    return Flatten()(Tensor(np.ones((2, 3, 4), np.float32))).shape
