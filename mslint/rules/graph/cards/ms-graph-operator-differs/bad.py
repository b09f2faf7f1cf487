"""A Tensor `in` a list of numbers compiles but is False in graph code where Python says True."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Doubles the input when its first entry is 1 or 5."""

    def construct(self, x):
        if x[0] in [1.0, 5.0]:  # [ms-graph-operator-differs]
            return x * 2
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
