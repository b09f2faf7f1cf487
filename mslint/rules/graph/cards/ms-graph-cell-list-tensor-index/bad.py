"""Indexing a CellList with a runtime tensor fails to compile (and fails in PyNative)."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Applies the activation chosen by argmax of the input."""

    def __init__(self):
        super().__init__()
        self.acts = nn.CellList([nn.ReLU(), nn.Tanh()])

    def construct(self, x):
        choice = ops.argmax(x)
        return self.acts[choice](x)  # [ms-graph-cell-list-tensor-index]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 3.0], np.float32))).asnumpy().tolist()
