"""The original relies on a torch default the port does not reproduce: nn.Upsample(scale_factor=2) is nearest, not bilinear."""

import numpy as np
import mindspore as ms
from mindspore import ops

FAMILY = "porting"
EXPECT = "differs"


def _x():
    return ms.Tensor(np.arange(4, dtype=np.float32).reshape(1, 1, 2, 2))


def bad():
    return ops.interpolate(_x(), size=(4, 4), mode="bilinear", align_corners=False)


def good():
    return ops.interpolate(_x(), size=(4, 4), mode="nearest")  # torch nn.Upsample(scale_factor=2) default
