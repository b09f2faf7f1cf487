"""MindSpore tensors read in a MindTorch project: their members change meaning once the layer's torch is imported."""
import mindspore
import mindtorch.torch as torch


def demo():
    counts = mindspore.Tensor([2, 2])
    total = counts.size * 2  # [ms-mindtorch-mixing]
    rows = counts.shape[0]  # [ms-mindtorch-mixing]
    return total, rows, torch.ones(2)
