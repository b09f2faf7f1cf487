"""Legacy `keep_prob=1 - dropout` renamed to `p=` without turning the keep probability back into a drop rate."""
import numpy as np
import mindspore as ms
from mindspore import Tensor, nn


class Block(nn.Cell):
    def __init__(self, dropout=0.1):
        super().__init__()
        self.dropout = nn.Dropout(p=dropout)

    def construct(self, x):
        return self.dropout(x)


def demo():
    ms.set_seed(0)
    block = Block()
    block.set_train()
    out = block(Tensor(np.ones((100, 100), np.float32))).asnumpy()
    return round(float((out == 0).mean()), 1)
