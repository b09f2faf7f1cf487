"""An import statement inside construct does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Imports a module lazily inside construct."""

    def construct(self, x):
        import math  # [ms-graph-import-in-graph]

        return x * math.pi


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
