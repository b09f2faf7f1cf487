"""A PyTorch training step run through MindTorch (mstorch_enable), with the usages MSAdapter documents as unsupported."""
import mindtorch.torch as torch
from mindtorch.torch import nn
from mindtorch.torch.utils.data import DataLoader


def demo(dataset, device="cuda"):
    model = nn.Linear(4, 2)
    loader = DataLoader(dataset, batch_size=2, pin_memory=True)  # [ms-mindtorch-constraint]
    for x, y in loader:
        x = x.to(device)  # [ms-mindtorch-constraint]
        loss = ((model(x) - y) ** 2).mean()
        loss.backward()  # [ms-mindtorch-constraint]
    noise = torch.randint(0, 10, size=[1, 2])  # [ms-mindtorch-constraint]
    spectrum = torch.zeros(4, dtype=torch.complex64)  # [ms-mindtorch-constraint]
    return noise, spectrum


def profiled(model, x):
    with torch.profiler.profile():  # [ms-mindtorch-constraint]
        return model(x)
