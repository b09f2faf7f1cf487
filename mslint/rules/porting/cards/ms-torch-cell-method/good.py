"""A Cell lists its parameters with parameters_and_names()."""
from mindspore import nn


def demo():
    net = nn.Dense(3, 2)
    return [name for name, _ in net.parameters_and_names()]
