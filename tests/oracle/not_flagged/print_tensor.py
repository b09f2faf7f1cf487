"""NOT_FLAGGED probe: print of a tensor runs and leaves the result unchanged."""

from __future__ import annotations

import numpy as np
from mindspore import Tensor, nn


class Net(nn.Cell):
    """Prints its input."""

    def construct(self, x):
        print("VAL", x)
        return x * 2


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([3.0, 2.0], np.float32))).asnumpy().tolist()
