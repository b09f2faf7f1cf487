"""A convolution block run through MindTorch: nn.Conv2d and nn.BatchNorm2d are Beta in MSAdapter's tables."""
import mindtorch.torch as torch
from mindtorch.torch import nn


class Block(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=1)  # [ms-mindtorch-beta-api]
        self.norm = nn.BatchNorm2d(8)  # [ms-mindtorch-beta-api]
        self.act = nn.ReLU()

    def forward(self, x):
        return self.act(self.norm(self.conv(x)))


def demo():
    return Block()(torch.randint(0, 4, (1, 3, 8, 8)) * 1.0).shape
