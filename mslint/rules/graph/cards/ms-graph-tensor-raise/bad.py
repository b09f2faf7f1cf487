"""raise/assert on a tensor condition: after it fires once, the compiled cell refuses every later call."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Rejects inputs whose sum is too big."""

    def construct(self, x):
        if x.sum() > 10:
            raise ValueError("too big")  # [ms-graph-tensor-raise]
        return x * 2


def demo() -> list:
    """Trigger the raise once, then call with a valid input; report both outcomes."""
    net = Net()
    outcomes = []
    for values in ([20.0, 1.0], [1.0, 2.0]):
        try:
            outcomes.append(net(Tensor(np.array(values, np.float32))).asnumpy().tolist())
        except (ValueError, RuntimeError) as exc:
            outcomes.append(type(exc).__name__)
    return outcomes
