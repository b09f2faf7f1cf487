"""PyTorch's parameters() on a Cell kept in an attribute, and passed to a MindSpore optimizer."""
from mindspore import nn


class Trainer:
    def __init__(self):
        self.net = nn.Dense(2, 2)

    def parameter_count(self):
        return sum(p.size for p in self.net.get_parameters())


def demo():
    trainer = Trainer()
    optimizer = nn.Adam(trainer.net.trainable_params(), learning_rate=0.01)
    return [len(optimizer.parameters), trainer.parameter_count()]
