"""A comment inside construct that starts left of the def does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Doubles its input."""

    def construct(self, x):
        y = x * 2
# a note pasted at column 0  # [ms-graph-comment-indent]
        return y


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
