"""Item assignment on a dict attribute in construct: error under STRICT, silently dropped under LAX."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Records the last output in a dict attribute."""

    def __init__(self):
        super().__init__()
        self.stats = {}

    def construct(self, x):
        out = x + 1
        self.stats["last"] = out  # [ms-graph-dict-attr-subscript]
        return out


def demo() -> list:
    """Call twice; report the output and the dict keys."""
    net = Net()
    out = [net(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist() for _ in range(2)]
    return [out, sorted(net.stats)]
