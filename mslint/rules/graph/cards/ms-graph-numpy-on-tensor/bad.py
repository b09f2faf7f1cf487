"""A NumPy function applied to a runtime tensor: error under STRICT, slow fallback under LAX."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """ReLU through np.maximum."""

    def construct(self, x):
        return Tensor(np.maximum(x, 0))  # [ms-graph-numpy-on-tensor]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([-1.0, 4.0], np.float32))).asnumpy().tolist()
