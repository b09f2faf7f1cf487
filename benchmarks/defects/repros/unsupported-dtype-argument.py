"""A dtype argument the MindSpore 2.x operator no longer accepts: ops.ScalarCast()(x, mstype.int32)."""

import mindspore.common.dtype as mstype
from mindspore import ops

FAMILY = "api"
EXPECT = "ValueError"


def bad():
    return ops.ScalarCast()(9 ** 0.5, mstype.int32)


def good():
    return ops.ScalarCast()(9 ** 0.5, mstype.int64)
