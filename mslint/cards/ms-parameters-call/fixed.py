"""PyTorch's model.parameters() passed to a MindSpore optimizer."""
from mindspore import nn


def demo():
    net = nn.Dense(2, 2)
    optimizer = nn.Adam(net.trainable_params(), learning_rate=0.01)
    return len(optimizer.parameters)
