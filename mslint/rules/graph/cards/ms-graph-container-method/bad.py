"""dict.pop() in graph code fails to compile at every level."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Drops an entry of a local dict."""

    def construct(self, x):
        table = {"a": x, "b": x * 2}
        first = table.pop("a")  # [ms-graph-container-method]
        return first + table["b"]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
