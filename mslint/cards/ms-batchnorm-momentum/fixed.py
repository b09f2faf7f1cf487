"""PyTorch's BatchNorm momentum=0.1 copied into MindSpore, where momentum weights the old statistics."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    bn = nn.BatchNorm2d(2, momentum=0.9)
    bn.set_train()
    bn(Tensor(np.full((4, 2, 3, 3), 5.0, np.float32)))
    return [round(v, 3) for v in bn.moving_mean.asnumpy().tolist()]
