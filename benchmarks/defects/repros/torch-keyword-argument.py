"""A torch keyword MindSpore does not accept: bias= (MindSpore: has_bias=) on nn.Conv1d/Conv2dTranspose."""

from mindspore import nn

FAMILY = "porting"
EXPECT = "TypeError"


def bad():
    return nn.Conv1d(4, 4, kernel_size=3, stride=1, pad_mode="pad", padding=1, bias=False)


def good():
    return nn.Conv1d(4, 4, kernel_size=3, stride=1, pad_mode="pad", padding=1, has_bias=False)
