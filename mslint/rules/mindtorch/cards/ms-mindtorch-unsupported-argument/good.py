"""A training setup run through MindTorch with the arguments MSAdapter takes."""
import mindtorch.torch as torch
from mindtorch.torch import nn


def demo():
    model = nn.Linear(4, 2)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    mask = torch.zeros(2, 4)
    return optimizer, mask
