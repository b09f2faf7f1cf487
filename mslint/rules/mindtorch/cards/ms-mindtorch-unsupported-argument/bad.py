"""A training setup run through MindTorch that passes arguments MSAdapter does not take."""
import mindtorch.torch as torch
from mindtorch.torch import nn


def demo():
    model = nn.Linear(4, 2)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3, foreach=True)  # [ms-mindtorch-unsupported-argument]
    mask = torch.zeros(2, 4, layout=torch.strided)  # [ms-mindtorch-unsupported-argument]
    return optimizer, mask
