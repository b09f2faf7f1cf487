"""ms.jit of a lambda on the line of the jit call fails when it is first called, in PyNative too."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor

double = ms.jit(lambda v: v * 2)  # [ms-graph-jit-lambda]


def demo() -> list[float]:
    """Call the compiled function once."""
    return double(Tensor(np.array([1.0, 2.0], np.float32))).asnumpy().tolist()
