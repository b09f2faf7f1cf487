"""A PyTorch model run through MindTorch: torch.linalg and torch.nn.init are modules MSAdapter does not support."""
import mindtorch.torch as torch
from mindtorch.torch import nn


class Head(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        nn.init.zeros_(self.fc.bias)  # [ms-mindtorch-unsupported-api]

    def forward(self, x):
        x = x / torch.linalg.norm(x, dim=-1, keepdim=True)  # [ms-mindtorch-unsupported-api]
        return self.fc(x)


def demo():
    return Head()(torch.ones(2, 4)).shape
