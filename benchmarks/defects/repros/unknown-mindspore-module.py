"""Importing a MindSpore module that 2.10 no longer has (dataset py_transforms were removed in 2.0)."""

import importlib

FAMILY = "porting"
EXPECT = "ModuleNotFoundError"


def bad():
    return importlib.import_module("mindspore.dataset.vision.py_transforms")


def good():
    return importlib.import_module("mindspore.dataset.vision").ToTensor
