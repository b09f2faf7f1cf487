"""Graph-safe rewrite: raise a ValueError, which the graph raises too."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """A layer that is not implemented for this input yet."""

    def construct(self, x):
        raise ValueError("no table for this input")


def demo() -> str:
    """Call the net and name the error the caller catches."""
    try:
        Net()(Tensor(np.array([1.0, 2.0], np.float32)))
    except ValueError as error:
        return type(error).__name__
    return "no error"
