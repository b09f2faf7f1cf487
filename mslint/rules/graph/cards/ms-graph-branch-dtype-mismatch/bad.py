"""Branches of a tensor if that give float16 and float32 do not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Returns x in half precision for positive sums, else unchanged."""

    def construct(self, x):
        if x.sum() > 0:
            return x.astype(ms.float16)  # [ms-graph-branch-dtype-mismatch]
        return x


def demo() -> list:
    """Run the net once."""
    out = Net()(Tensor(np.array([1.0, 2.0], np.float32)))
    return [str(out.dtype), out.asnumpy().tolist()]
