"""Graph-safe rewrite: a non-trainable Parameter updated with ops.assign_add."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Counts its calls in an int32 Parameter."""

    def __init__(self):
        super().__init__()
        self.counter = ms.Parameter(Tensor(0, ms.int32), name="counter", requires_grad=False)

    def construct(self, x):
        ops.assign_add(self.counter, Tensor(1, ms.int32))
        return x * self.counter.astype(ms.float32)


def demo() -> list:
    """Call three times; report outputs and the attribute state."""
    net = Net()
    x = Tensor(np.array([1.0, 2.0], np.float32))
    outs = [net(x).asnumpy().tolist() for _ in range(3)]
    return [outs, net.counter.asnumpy().tolist() if isinstance(net.counter, Tensor) else net.counter]
