"""raise LookupError in graph code fails to compile, so the caller's except LookupError never sees it."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """A layer that is not implemented for this input yet."""

    def construct(self, x):
        raise LookupError("no table for this input")  # [ms-graph-unsupported-raise]


def demo() -> str:
    """Call the net and name the error the caller catches."""
    try:
        Net()(Tensor(np.array([1.0, 2.0], np.float32)))
    except LookupError as error:
        return type(error).__name__
    return "no error"
