"""Legacy MindSpore code passing a keep probability: correct, but keep_prob is deprecated."""
from mindspore import nn


class Head(nn.Cell):
    def __init__(self, drop_rate=0.2):
        super().__init__()
        self.dropout = nn.Dropout(1 - drop_rate)  # [ms-dropout-keep-prob]

    def construct(self, x):
        return self.dropout(x)
