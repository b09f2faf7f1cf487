"""The decorator of a def nested in graph code is ignored: the graph result differs from PyNative."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Applies a shift decorator to a nested helper."""

    def construct(self, x):
        def shifted(fn):
            def wrapper(v):
                return fn(v) + 1
            return wrapper

        @shifted
        def double(v):  # [ms-graph-syntax-differs]
            return v * 2

        return double(x)


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
