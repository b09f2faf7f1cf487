"""A MindSpore 1.x module removed in 2.x: mindspore.dataset.vision.py_transforms."""

import importlib

FAMILY = "api"
EXPECT = "ImportError"


def bad():
    return importlib.import_module("mindspore.dataset.vision.py_transforms").ToTensor


def good():
    return importlib.import_module("mindspore.dataset.vision").ToTensor
