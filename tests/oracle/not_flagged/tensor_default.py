"""NOT_FLAGGED probe: a Tensor default argument value works."""

from __future__ import annotations

import numpy as np
from mindspore import Tensor, nn


class Net(nn.Cell):
    """Adds a default Tensor."""

    def construct(self, x, b=Tensor(1.0)):
        return x + b


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([3.0, 2.0], np.float32))).asnumpy().tolist()
