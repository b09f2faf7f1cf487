"""mint.clamp keeps PyTorch's name and arguments."""
from mindspore import mint, nn


class Clip(nn.Cell):
    def construct(self, x):
        return mint.clamp(x, 0.0, 1.0)


def demo():
    import numpy as np
    from mindspore import Tensor

    return Clip()(Tensor(np.array([-1.0, 0.5, 2.0], np.float32)))
