"""nn.AdamWeightDecay used for torch.optim.AdamW: no bias correction (and eps 1e-6), so the first steps differ."""

import mindspore as ms
import numpy as np
from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"

_W = np.array([1.0, 2.0, 3.0], np.float32)
_G = np.array([0.5, -0.1, 0.01], np.float32)


def bad():
    p = ms.Parameter(ms.Tensor(_W), name="w")
    nn.AdamWeightDecay([p], learning_rate=0.1, beta1=0.9, beta2=0.95, weight_decay=0.0)((ms.Tensor(_G),))
    return p.asnumpy()


def good():
    p = ms.Parameter(ms.Tensor(_W), name="w")
    # nn.Adam applies the bias correction torch.optim.AdamW applies (weight_decay=0 here)
    nn.Adam([p], learning_rate=0.1, beta1=0.9, beta2=0.95, eps=1e-8)((ms.Tensor(_G),))
    return p.asnumpy()
