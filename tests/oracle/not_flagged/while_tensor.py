"""NOT_FLAGGED probe: a while loop on a tensor condition matches PyNative."""

from __future__ import annotations

import numpy as np
from mindspore import Tensor, nn


class Net(nn.Cell):
    """Doubles until the sum reaches 100."""

    def construct(self, x):
        while x.sum() < 100:
            x = x * 2
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([3.0, 2.0], np.float32))).asnumpy().tolist()
