"""Graph-safe rewrite: read the module constant by name."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops

SCALE = 2.0


class Net(nn.Cell):
    """Reads a scale from the module constant."""

    def construct(self, x):
        return x * SCALE


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
