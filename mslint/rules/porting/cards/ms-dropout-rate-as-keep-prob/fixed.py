"""A PyTorch drop rate (a parameter's default) passed positionally to MindSpore's Dropout, which reads it as keep_prob."""
import numpy as np
import mindspore as ms
from mindspore import Tensor, nn


class Head(nn.Cell):
    def __init__(self, drop_rate=0.2):
        super().__init__()
        self.dropout = nn.Dropout(p=drop_rate)

    def construct(self, x):
        return self.dropout(x)


def demo():
    ms.set_seed(0)
    head = Head()
    head.set_train()
    out = head(Tensor(np.ones((100, 100), np.float32))).asnumpy()
    return round(float((out == 0).mean()), 1)
