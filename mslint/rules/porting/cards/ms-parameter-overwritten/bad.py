"""A weight normalised in construct by assigning to itself: the Parameter changes at every call."""
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Scale(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.array([1.0, 2.0], np.float32)), name="w")

    def construct(self, x):
        self.w = ops.softmax(self.w)  # [ms-parameter-overwritten]
        return x * self.w


def demo():
    scale = Scale()
    x = Tensor(np.ones((2,), np.float32))
    scale(x)
    return [round(v, 4) for v in scale(x).asnumpy().tolist()]
