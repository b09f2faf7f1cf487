"""An argument of a type the MindSpore API rejects: PolynomialDecayLR(power=1) needs a float."""

from mindspore import nn

FAMILY = "api"
EXPECT = "TypeError"


def bad():
    return nn.PolynomialDecayLR(1e-5, 1e-6, 100, power=1)


def good():
    return nn.PolynomialDecayLR(1e-5, 1e-6, 100, power=1.0)
