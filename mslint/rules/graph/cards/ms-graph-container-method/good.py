"""Graph-safe rewrite: read the entry with [] or get() and leave the dict alone."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Reads both entries of a local dict."""

    def construct(self, x):
        table = {"a": x, "b": x * 2}
        return table["a"] + table["b"]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
