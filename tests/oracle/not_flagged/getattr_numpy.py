"""NOT_FLAGGED probe: getattr on a NumPy array (FAQ r2.0: unsupported) compiles and matches PyNative."""

from __future__ import annotations

import numpy as np
from mindspore import Tensor, nn

TABLE = np.array([1.0, 2.0])


class Net(nn.Cell):
    """Adds the length of a module-level NumPy array read through getattr."""

    def construct(self, x):
        return x + getattr(TABLE, "shape")[0]


def demo() -> list[float]:
    """Run the net once."""
    return Net()(Tensor(np.array([3.0, 2.0], np.float32))).asnumpy().tolist()
