"""Graph-safe rewrite: pass the value as an argument."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Scales by a factor derived from the input."""

    def construct(self, x):
        k = x * 2
        def scale(v, factor):
            return v * factor
        return scale(x, k)


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
