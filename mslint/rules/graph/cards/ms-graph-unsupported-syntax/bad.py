"""A complex literal in graph code fails to compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Scales by the magnitude of a complex constant."""

    def construct(self, x):
        scale = abs(3 + 4j)  # [ms-graph-unsupported-syntax]
        return x * scale


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
