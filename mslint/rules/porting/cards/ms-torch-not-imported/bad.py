"""`import torch` was removed during the port, one torch call was not."""
from mindspore import nn


class Clip(nn.Cell):
    def construct(self, x):
        return torch.clamp(x, 0.0, 1.0)  # [ms-torch-not-imported]


def demo():
    import numpy as np
    from mindspore import Tensor

    return Clip()(Tensor(np.array([-1.0, 0.5, 2.0], np.float32)))
