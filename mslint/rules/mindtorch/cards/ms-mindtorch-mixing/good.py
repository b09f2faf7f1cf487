"""Tensors read in a MindTorch project, all built by the layer."""
import mindtorch.torch as torch


def demo():
    counts = torch.ones(2)
    total = counts.numel() * 2
    rows = counts.shape[0]
    return total, rows
