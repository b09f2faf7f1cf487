"""NOT_FLAGGED probe: hash() on constants equals Python's hash in the same process."""

from __future__ import annotations

import numpy as np
from mindspore import Tensor, nn


class Net(nn.Cell):
    """Returns hashes of an int, a str and a tuple."""

    def construct(self, x):
        return hash(7), hash("a"), hash((1, 2))


def demo() -> list[bool]:
    """Compare each graph hash with Python's."""
    got = Net()(Tensor(np.array([1.0, 2.0], np.float32)))
    return [int(v) == hash(e) for v, e in zip(got, (7, "a", (1, 2)))]
