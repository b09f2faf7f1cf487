"""PyTorch's GELU is exact: say so explicitly."""
import numpy as np
from mindspore import Tensor, nn


def demo():
    act = nn.GELU(approximate=False)
    return [round(v, 4) for v in act(Tensor(np.array([-1.5, 0.5, 2.0], np.float32))).asnumpy().tolist()]
