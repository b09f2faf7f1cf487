"""A subclass overrides construct() of its base."""
import numpy as np
from mindspore import Tensor, nn


class AddOne(nn.Cell):
    def construct(self, x):
        return x + 1


class Doubled(AddOne):
    def construct(self, x):
        return x * 2


def demo():
    return Doubled()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
