"""str methods such as replace/split/join/startswith in graph code: error under STRICT."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Derives a mode name with str.replace inside construct."""

    def __init__(self):
        super().__init__()
        self.mode = "scale_two"

    def construct(self, x):
        if self.mode.replace("_", "-") == "scale-two":  # [ms-graph-str-method]
            return x * 2
        return x


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([-1.0, 4.0], np.float32))).asnumpy().tolist()
