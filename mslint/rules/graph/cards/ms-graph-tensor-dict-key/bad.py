"""A dict keyed by a runtime tensor does not compile."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Builds a dict whose key is a tensor value."""

    def construct(self, x):
        table = {x.sum(): x * 2}  # [ms-graph-tensor-dict-key]
        return list(table.values())[0]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
