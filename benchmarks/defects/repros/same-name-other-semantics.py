"""A MindSpore API with torch's name but other semantics: Tensor.max(axis) returns the values only (torch returned values and indices); iterating a mindspore.dataset yields lists, not the dicts a torch DataLoader gave."""

import mindspore as ms
import numpy as np

FAMILY = "porting"
EXPECT = "ValueError"


def _iou():
    return ms.Tensor(np.random.default_rng(0).random((5, 3)).astype(np.float32))


def bad():
    gt_max_iou, _ = _iou().max(axis=0)  # torch: values, indices = iou.max(dim=0)
    return gt_max_iou


def good():
    _, gt_max_iou = ms.ops.ArgMaxWithValue(axis=0)(_iou())
    return gt_max_iou
