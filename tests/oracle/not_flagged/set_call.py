"""NOT_FLAGGED probe: set() on a constant tuple is constant-folded."""

from __future__ import annotations

import numpy as np
from mindspore import Tensor, nn


class Net(nn.Cell):
    """Scales by the number of distinct constants."""

    def construct(self, x):
        return x * len(set((1, 1, 2)))


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([3.0, 2.0], np.float32))).asnumpy().tolist()
