"""A keyword argument that the MindSpore 2.10 API no longer accepts (Dataset.map(column_order=...), removed in 2.0)."""

import mindspore.dataset as ds
import numpy as np

FAMILY = "api"
EXPECT = "TypeError"


def _data():
    def gen():
        for _ in range(2):
            yield np.ones((2,), np.float32), np.zeros((2,), np.float32)
    return ds.GeneratorDataset(gen, ["a", "b"], shuffle=False)


def bad():
    return _data().map(operations=lambda a, b: (a, b), input_columns=["a", "b"], output_columns=["a", "b"],
                       column_order=["a", "b"])


def good():
    return _data().map(operations=lambda a, b: (a, b), input_columns=["a", "b"], output_columns=["a", "b"]).project(["a", "b"])
