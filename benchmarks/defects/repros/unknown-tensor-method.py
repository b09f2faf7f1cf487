"""A Tensor method that MindSpore 2.10 does not have (initializer(...).to_tensor(), removed after 1.x)."""

import mindspore as ms
from mindspore.common.initializer import initializer

FAMILY = "api"
EXPECT = "AttributeError"


def bad():
    return initializer("Normal", shape=(4, 3, 3, 3), dtype=ms.float32).to_tensor()


def good():
    return initializer("Normal", shape=(4, 3, 3, 3), dtype=ms.float32).init_data()
