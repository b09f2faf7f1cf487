"""torch device placement left in: MindSpore tensors have no .cuda()/.cpu() (placement is set by set_context)."""

import numpy as np
import mindspore as ms

FAMILY = "porting"
EXPECT = "AttributeError"


def bad():
    return ms.Tensor(np.zeros(3, np.float32)).cuda()


def good():
    return ms.Tensor(np.zeros(3, np.float32))
