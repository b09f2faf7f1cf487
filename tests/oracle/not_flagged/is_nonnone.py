"""NOT_FLAGGED probe: `is` against a non-None constant compiles and matches PyNative."""

from __future__ import annotations

import numpy as np
from mindspore import Tensor, nn


class Net(nn.Cell):
    """Branches on an identity test against a string constant."""

    def __init__(self):
        super().__init__()
        self.mode = "a"

    def construct(self, x):
        if self.mode is "a":  # identity test on a literal: the construct under test
            return x * 2
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([3.0, 2.0], np.float32))).asnumpy().tolist()
