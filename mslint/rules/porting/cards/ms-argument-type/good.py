"""Float arguments take float literals: momentum=0.0."""
from mindspore import nn


def demo():
    net = nn.Dense(2, 2)
    optimizer = nn.Momentum(net.trainable_params(), learning_rate=0.1, momentum=0.0)
    return len(optimizer.parameters)
