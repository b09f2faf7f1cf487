"""Features flattened and scored through MindTorch, relying on defaults MSAdapter changes."""
import mindtorch.torch as torch
import mindtorch.torch.nn.functional as F


def demo():
    x = torch.ones(2, 3, 4)
    flat = torch.flatten(x)  # [ms-mindtorch-default-differs]
    scores = F.log_softmax(x)  # [ms-mindtorch-default-differs]
    return flat.shape, scores.shape
