"""A built-in the graph does not implement: globals() fails to compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops

SCALE = 2.0


class Net(nn.Cell):
    """Reads a scale from the module globals."""

    def construct(self, x):
        scale = globals()["SCALE"]  # [ms-graph-unsupported-builtin]
        return x * scale


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
