"""Tensor.asnumpy()/tolist() on a runtime tensor: error under STRICT, slow fallback under LAX."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Converts to NumPy, clips, converts back."""

    def construct(self, x):
        host = x.asnumpy()  # [ms-graph-asnumpy]
        return Tensor(host) * 2


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([-1.0, 4.0], np.float32))).asnumpy().tolist()
