"""A block run through MindTorch with Stable layers only: nn.Linear, nn.LayerNorm, nn.ReLU."""
import mindtorch.torch as torch
from mindtorch.torch import nn


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)
        self.norm = nn.LayerNorm(8)
        self.act = nn.ReLU()

    def forward(self, x):
        return self.act(self.norm(self.fc(x)))


def demo():
    return Block()(torch.randint(0, 4, (1, 8)) * 1.0).shape
