"""The drop rate as p=, the same meaning as PyTorch's Dropout(p)."""
from mindspore import nn


class Head(nn.Cell):
    def __init__(self, drop_rate=0.2):
        super().__init__()
        self.dropout = nn.Dropout(p=drop_rate)

    def construct(self, x):
        return self.dropout(x)
