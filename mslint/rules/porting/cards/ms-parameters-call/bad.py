"""PyTorch's parameters() on a Cell kept in an attribute, and passed to a MindSpore optimizer."""
from mindspore import nn


class Trainer:
    def __init__(self):
        self.net = nn.Dense(2, 2)

    def parameter_count(self):
        return sum(p.size for p in self.net.parameters())  # [ms-parameters-call]


def demo():
    trainer = Trainer()
    optimizer = nn.Adam(trainer.net.parameters(), learning_rate=0.01)  # [ms-parameters-call]
    return [len(optimizer.parameters), trainer.parameter_count()]
