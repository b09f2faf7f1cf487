"""Features flattened and scored through MindTorch, with the dimensions written out."""
import mindtorch.torch as torch
import mindtorch.torch.nn.functional as F


def demo():
    x = torch.ones(2, 3, 4)
    flat = torch.flatten(x, 0)
    scores = F.log_softmax(x, dim=0)
    return flat.shape, scores.shape
