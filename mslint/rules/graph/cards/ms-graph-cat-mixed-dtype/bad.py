"""ops.cat of float32 and float16 tensors compiles in graph mode but fails in PyNative on CPU."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Concatenates x with its half-precision copy."""

    def construct(self, x):
        return ops.cat((x, x.astype(ms.float16)))  # [ms-graph-cat-mixed-dtype]


def demo() -> list:
    """Run the net once."""
    out = Net()(Tensor(np.array([1.0, 2.0], np.float32)))
    return [str(out.dtype), out.asnumpy().tolist()]
