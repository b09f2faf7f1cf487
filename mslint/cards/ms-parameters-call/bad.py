"""PyTorch's model.parameters() passed to a MindSpore optimizer."""
from mindspore import nn


def demo():
    net = nn.Dense(2, 2)
    optimizer = nn.Adam(net.parameters(), learning_rate=0.01)  # [ms-parameters-call]
    return len(optimizer.parameters)
