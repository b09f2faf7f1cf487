"""sorted/reversed/complex/divmod applied to runtime tensors: error under STRICT, fallback under LAX."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Adds the smallest element, found with sorted()."""

    def construct(self, x):
        smallest = sorted(x)[0]  # [ms-graph-builtin-on-tensor]
        return x + smallest


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([3.0, 1.0, 2.0], np.float32))).asnumpy().tolist()
