"""Importing a module or name MindSpore 2.10 no longer has (dataset py_transforms, nn.ResizeBilinear)."""

import importlib

FAMILY = "porting"
EXPECT = "ImportError"


def bad():
    return importlib.import_module("mindspore.dataset.vision.py_transforms")  # ModuleNotFoundError is an ImportError


def good():
    return importlib.import_module("mindspore.dataset.vision").ToTensor
