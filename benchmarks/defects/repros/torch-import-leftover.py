"""A module-level `from torch... import ...` left in a MindSpore port: importing the port needs PyTorch installed."""

import importlib
import sys

FAMILY = "porting"
EXPECT = "ImportError"


def bad():
    saved = sys.modules.get("torch")
    sys.modules["torch"] = None  # a MindSpore-only environment: torch is not installed
    try:
        return importlib.import_module("torch.utils.data").Dataset
    finally:
        if saved is not None:
            sys.modules["torch"] = saved
        else:
            del sys.modules["torch"]


def good():
    import mindspore.dataset as ds

    return ds.GeneratorDataset
