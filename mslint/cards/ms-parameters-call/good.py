"""Optimizers take the Cell's trainable_params()."""
from mindspore import nn


def demo():
    net = nn.Dense(2, 2)
    optimizer = nn.Adam(net.trainable_params(), learning_rate=0.01)
    return len(optimizer.parameters)
