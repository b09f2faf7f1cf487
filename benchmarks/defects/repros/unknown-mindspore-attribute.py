"""An attribute MindSpore 2.10 does not have (removed or never existed): nn.ResizeBilinear, _Conv.format."""

import mindspore as ms
import numpy as np
from mindspore import nn, ops

FAMILY = "porting"
EXPECT = "AttributeError"


def bad():
    resize = nn.ResizeBilinear()
    return resize(ms.Tensor(np.ones((1, 1, 2, 2), np.float32)), (4, 4))


def good():
    return ops.interpolate(ms.Tensor(np.ones((1, 1, 2, 2), np.float32)), size=(4, 4), mode="bilinear",
                           align_corners=True)
