"""An attribute MindSpore does not have (any more): nn.ResizeBilinear is gone in 2.x."""

from mindspore import nn

FAMILY = "api"
EXPECT = "AttributeError"


def bad():
    return nn.ResizeBilinear()


def good():
    return nn.Upsample(mode="bilinear", scale_factor=2.0)
