"""A Primitive class (ops.Zeros, ops.Concat, ...) given its operands at construction instead of being instantiated then called."""

import mindspore as ms
from mindspore import ops

FAMILY = "porting"
EXPECT = "TypeError"


def bad():
    return ops.Zeros((3, 2), dtype=ms.float32)


def good():
    return ops.Zeros()((3, 2), ms.float32)
