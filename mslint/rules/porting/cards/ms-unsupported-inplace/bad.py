"""PyTorch's inplace=True left on a MindSpore activation."""
import numpy as np
from mindspore import Tensor, nn


class Head(nn.Cell):
    def __init__(self):
        super().__init__()
        self.act = nn.ReLU(inplace=True)  # [ms-unsupported-inplace]

    def construct(self, x):
        return self.act(x)


def demo():
    return Head()(Tensor(np.array([-1.0, 2.0], np.float32))).asnumpy().tolist()
