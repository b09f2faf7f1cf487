"""Graph-safe rewrite: the context manager class is an ms.jit_class."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


@ms.jit_class
class Scale:
    """A jit_class context manager."""

    def __enter__(self):
        return 2

    def __exit__(self, *exc):
        return False


class Net(nn.Cell):
    """Scales the input inside a with block."""

    def __init__(self):
        super().__init__()
        self.cm = Scale()

    def construct(self, x):
        with self.cm as k:
            return x * k


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
