"""`for n, p in cell.trainable_params()` copied from torch's named_parameters(): MindSpore returns Parameters, not pairs."""

from mindspore import nn

FAMILY = "porting"
EXPECT = "ValueError"


def bad():
    net = nn.Dense(4, 3)
    return [p for n, p in net.trainable_params() if "bias" not in n]


def good():
    net = nn.Dense(4, 3)
    return [p for n, p in net.parameters_and_names() if "bias" not in n]
