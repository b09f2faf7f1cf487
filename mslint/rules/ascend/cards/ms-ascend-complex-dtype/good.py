"""Keep the real and imaginary parts as a float32 pair: |z| = sqrt(re^2 + im^2)."""
import numpy as np
from mindspore import Tensor, ops


def demo():
    re = Tensor(np.array([3.0, 0.0], np.float32))
    im = Tensor(np.array([0.0, 0.0], np.float32))
    return ops.sqrt(re * re + im * im).asnumpy().tolist()
