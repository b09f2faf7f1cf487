"""A parameter initialised otherwise than in the original (here from another tensor where the original used ones)."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


class _Importance(nn.Cell):
    def __init__(self, adjacency, port):
        super().__init__()
        self.A = ms.Tensor(adjacency)
        if port:
            self.PA = ms.Parameter(ms.Tensor(adjacency), name="PA")   # PA = A
        else:
            self.PA = ms.Parameter(ms.Tensor(np.ones_like(adjacency)), name="PA")  # nn.init.constant_(PA, 1)

    def construct(self):
        return self.A * self.PA


_ADJ = np.random.RandomState(0).rand(3, 5, 5).astype(np.float32)


def bad():
    return _Importance(_ADJ, True)()


def good():
    return _Importance(_ADJ, False)()
