"""NOT_FLAGGED probe: NumPy on constants returned from @ms.jit (TroubleShooter compiler_id_14) runs on 2.10."""

from __future__ import annotations

import mindspore as ms
import numpy as np


@ms.jit
def added():
    """The knowledge base's example: np.add of two constant arrays, returned from the graph."""
    x = np.array([1, 2, 3, 4, 5])
    y = np.array([1, 2, 3, 4, 5])
    return np.add(x, y)


def demo() -> list[int]:
    """Call the jit function once."""
    return np.asarray(added()).tolist()
