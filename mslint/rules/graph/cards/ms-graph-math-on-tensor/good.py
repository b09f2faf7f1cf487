"""Graph-safe rewrite: ops.sqrt on the tensor."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Scales by the square root of the sum via ops.sqrt."""

    def construct(self, x):
        return x * ops.sqrt(x.sum())


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([-1.0, 4.0], np.float32))).asnumpy().tolist()
