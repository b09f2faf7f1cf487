"""Graph-safe rewrite: the string is prepared in __init__."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Derives the mode name once in __init__."""

    def __init__(self):
        super().__init__()
        self.mode = "scale_two".replace("_", "-")

    def construct(self, x):
        if self.mode == "scale-two":
            return x * 2
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([-1.0, 4.0], np.float32))).asnumpy().tolist()
