"""A function called with more positional arguments than it takes (a parameter removed from its definition)."""

import mindspore as ms
import numpy as np

FAMILY = "porting"
EXPECT = "TypeError"


def _evaluate(dataset, model, loss_fn, args):
    return float(loss_fn(model(dataset), dataset).asnumpy()) + args


def bad():
    x = ms.Tensor(np.ones((2, 3), np.float32))
    optimizer = None
    return _evaluate(x, lambda t: t * 2, ms.nn.MSELoss(), optimizer, 0)


def good():
    x = ms.Tensor(np.ones((2, 3), np.float32))
    return _evaluate(x, lambda t: t * 2, ms.nn.MSELoss(), 0)
