"""PyTorch's BatchNorm weight and F.normalize, ported onto MindSpore names that do not exist in 2.10."""
import mindspore as ms
import numpy as np
from mindspore import nn
from mindspore.ops import functional as F


class ScaledBatchNorm(nn.BatchNorm2d):
    def construct(self, x):
        scale = self.weight.reshape(1, -1, 1, 1)  # [ms-unknown-mindspore-name]
        return super().construct(x) * scale


def embed(x):
    return F.normalize(x, p=2, dim=1)  # [ms-unknown-mindspore-name]


def demo():
    x = ms.Tensor(np.ones((1, 2, 3, 3), np.float32))
    return embed(ScaledBatchNorm(2)(x).reshape(1, -1))
