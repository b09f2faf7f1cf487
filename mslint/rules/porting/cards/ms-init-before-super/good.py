"""nn.Cell.__init__ runs before the layers are assigned."""
import numpy as np
from mindspore import Tensor, nn


class Head(nn.Cell):
    def __init__(self):
        super().__init__()
        self.act = nn.ReLU()
        self.scale = 2.0

    def construct(self, x):
        return self.act(x) * self.scale


def demo():
    return Head()(Tensor(np.array([-1.0, 2.0], np.float32))).asnumpy().tolist()
