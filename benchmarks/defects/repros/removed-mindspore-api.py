"""A MindSpore 1.x API removed or changed by 2.x (mindspore.ms_function, the py_transforms modules, ops.ResizeBilinear, Tensor.repeat(n, axis=))."""

import importlib

import mindspore as ms
import numpy as np

FAMILY = "api"
EXPECT = "ImportError"


def bad():
    from mindspore import ms_function  # MindSpore 1.x; 2.x names it mindspore.jit

    return ms_function


def good():
    vision = importlib.import_module("mindspore.dataset.vision")
    token = ms.Tensor(np.ones((1, 1, 4), np.float32))
    return [ms.jit is not None, vision.ToTensor is not None, ms.ops.tile(token, (2, 1, 1)).shape[0]]
