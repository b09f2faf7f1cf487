"""PyTorch's way of changing every BatchNorm's momentum after the network is built; MindSpore ignores it."""
import numpy as np
from mindspore import Tensor, nn


class Net(nn.Cell):
    def __init__(self, momentum=0.9):
        super().__init__()
        self.bn = nn.BatchNorm2d(2, momentum=momentum)

    def construct(self, x):
        return self.bn(x)


def demo():
    net = Net(momentum=0.5)
    net.set_train()
    net(Tensor(np.full((4, 2, 3, 3), 5.0, np.float32)))
    return [round(v, 3) for v in net.bn.moving_mean.asnumpy().tolist()]
