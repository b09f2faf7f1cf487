"""A nested def whose default reads a local computed from the input fails to compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Scales by a factor derived from the input."""

    def construct(self, x):
        k = x * 2
        def scale(v, factor=k):  # [ms-graph-default-from-local]
            return v * factor
        return scale(x)


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
