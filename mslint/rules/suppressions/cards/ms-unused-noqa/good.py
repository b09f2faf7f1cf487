"""Each suppression names a rule that reports on its line."""
from mindspore import nn


class Head(nn.Cell):
    def __init__(self):
        super().__init__()
        self.act = nn.ReLU()

    def construct(self, x):
        return self.act(x).size(0)  # noqa: ms-tensor-size-call


def demo():
    return Head
