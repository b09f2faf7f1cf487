"""nn.GELU() ported from PyTorch: MindSpore's default is the tanh approximation."""
import numpy as np
import torch  # noqa: F401  # the reference implementation this port is compared with
from mindspore import Tensor, nn


def demo():
    act = nn.GELU(approximate=False)
    return [round(v, 4) for v in act(Tensor(np.array([-1.5, 0.5, 2.0], np.float32))).asnumpy().tolist()]
