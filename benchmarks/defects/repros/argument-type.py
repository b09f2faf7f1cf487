"""An argument of a type the MindSpore API rejects: nn.LayerNorm(normalized_shape=<int>) needs a tuple/list."""

from mindspore import nn

FAMILY = "api"
EXPECT = "TypeError"


def bad():
    return nn.LayerNorm(normalized_shape=128, epsilon=1e-05)  # torch: nn.LayerNorm(128)


def good():
    return nn.LayerNorm((128,), epsilon=1e-05)
