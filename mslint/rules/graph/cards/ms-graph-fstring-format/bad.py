"""f-strings in graph code format tuples, floats and bools differently from Python at every level."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Builds a tag from the input shape."""

    def construct(self, x):
        return x * 2, f"shape={x.shape} scale={1.0} on={True}"  # [ms-graph-fstring-format]


def demo() -> str:
    """Run once; report the tag."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32)))[1]
