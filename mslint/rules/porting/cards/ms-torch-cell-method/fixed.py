"""PyTorch's named_parameters() on a MindSpore Cell."""
from mindspore import nn


def demo():
    net = nn.Dense(3, 2)
    return [name for name, _ in net.parameters_and_names()]
