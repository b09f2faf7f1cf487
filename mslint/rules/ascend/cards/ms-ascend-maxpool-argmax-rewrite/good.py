"""Where the model allows it, average pooling is not rewritten when training on Ascend."""
import numpy as np
import mindspore as ms
from mindspore import Tensor, nn


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.pool = nn.AvgPool2d(kernel_size=2, stride=2)

    def construct(self, x):
        return self.pool(x).sum()


def demo():
    net = Net()
    loss, grads = ms.value_and_grad(net)(Tensor(np.ones((1, 1, 4, 4), np.float32)))
    return loss
