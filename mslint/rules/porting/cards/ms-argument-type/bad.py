"""PyTorch's SGD(momentum=0) ported to nn.Momentum with the int kept: MindSpore's validator wants a float."""
from mindspore import nn


def demo():
    net = nn.Dense(2, 2)
    optimizer = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0)  # [ms-argument-type]
    return len(optimizer.parameters)
