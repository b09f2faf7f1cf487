"""Deterministic computing is enabled before the comparison runs."""
import numpy as np
import mindspore as ms
import torch

ms.set_deterministic(True)


def demo():
    data = np.ones((2, 3), np.float32)
    ours = ms.Tensor(data).sum(axis=1).asnumpy()
    theirs = torch.from_numpy(data).sum(dim=1).numpy()  # pylint: disable=ms-torch-api  (the reference side)
    return bool(np.allclose(ours, theirs))
