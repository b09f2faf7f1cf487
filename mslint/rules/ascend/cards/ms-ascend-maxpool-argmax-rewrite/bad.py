"""Training through nn.MaxPool2d: on Ascend the pooling becomes MaxPoolWithArgmax."""
import numpy as np
import mindspore as ms
from mindspore import Tensor, nn


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.pool = nn.MaxPool2d(kernel_size=2, stride=2)  # [ms-ascend-maxpool-argmax-rewrite]

    def construct(self, x):
        return self.pool(x).sum()


def demo():
    net = Net()
    loss, grads = ms.value_and_grad(net)(Tensor(np.ones((1, 1, 4, 4), np.float32)))
    return loss
