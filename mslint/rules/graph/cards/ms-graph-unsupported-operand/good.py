"""Graph-safe rewrite: build the merged dict with item assignment."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Parameter, Tensor, nn, ops


class Net(nn.Cell):
    """Merges two local dicts."""

    def construct(self, x):
        merged = {"a": x}
        merged["b"] = x * 2
        return merged["a"] + merged["b"]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
