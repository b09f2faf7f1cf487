"""A built-in called with a keyword the graph rejects: max(key=) fails to compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Takes the entry of largest magnitude."""

    def construct(self, x):
        pair = (x[0], x[1])
        return max(pair, key=abs)  # [ms-graph-builtin-argument]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
