"""A name the ported code uses but never defines or imports (moved out of its original scope, import commented out)."""

import numpy as np
import mindspore as ms
from mindspore import nn

FAMILY = "porting"
EXPECT = "NameError"


class _WithLoss(nn.Cell):
    def construct(self, images):
        vis_num = min(4, batch_size)  # noqa: F821  # pylint: disable=undefined-variable
        return images[0:vis_num]


def bad():
    return _WithLoss()(ms.Tensor(np.ones((2, 2), np.float32)))


def good():
    images = ms.Tensor(np.ones((2, 2), np.float32))
    return images[0:min(4, images.shape[0])]
