"""Freezing a backbone the PyTorch way: requires_grad on the Cell, which its Parameters ignore."""
import numpy as np
import mindspore as ms
from mindspore import Tensor, nn


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.backbone = nn.Dense(2, 2)
        self.head = nn.Dense(2, 1)
        for param in self.backbone.get_parameters():
            param.requires_grad = False

    def construct(self, x):
        return self.head(self.backbone(x)).sum()


def demo():
    net = Net()
    params = [p for p in net.trainable_params() if p.requires_grad]
    grads = ms.grad(net, None, params)(Tensor(np.ones((3, 2), np.float32)))
    return len(grads)
