"""Building a Tensor from a runtime Python value inside construct: error under STRICT."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Rebuilds the sum as a new tensor."""

    def construct(self, x):
        total = ms.tensor(float(x.sum()))  # [ms-graph-tensor-from-runtime-value]
        return x * total


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([-1.0, 4.0], np.float32))).asnumpy().tolist()
