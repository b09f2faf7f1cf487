"""The dtype inference shared by the graph and Ascend rules (mslint/dtypes.py)."""

from __future__ import annotations

import astroid
import pytest
from astroid import nodes

from mslint.dtypes import certainly_differ, dtype_of, infer_dtype

SOURCE = '''
import numpy as np
import mindspore as ms
from mindspore import Tensor, nn, ops, Parameter
from mindspore.common.initializer import initializer
class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = Parameter(Tensor(np.ones(2), ms.float16))
        self.v = Parameter(initializer("normal", (2,)))
        self.cast = ops.Cast()
        self.relu = nn.ReLU()
    def construct(self, x, n):
        astype = x.astype(ms.float16)
        prim_cast = self.cast(self.relu(x), ms.float16)
        kept = self.relu(x) * 2
        created = ops.ones((2,), ms.float16)
        parameter = self.w
        initialized = self.v + 1.0
        int_literal = Tensor([1, 2])
        mixed_literal = Tensor([1, 2.5])
        int_sum = ops.cast(x, ms.int32).sum()
        divided = ops.zeros((2, 2), dtype=ms.float64) / 2
        numpy_default = Tensor(np.ones(2))
        half = x.half()
        other_input = n * 2
        return astype
'''
MODULE = astroid.parse(SOURCE)
VALUES = {a.targets[0].name: a.value for a in MODULE.nodes_of_class(nodes.Assign) if isinstance(a.targets[0], nodes.AssignName)}


@pytest.mark.parametrize(
    ("name", "expected"),
    [("astype", "float16"), ("prim_cast", "float16"), ("kept", "like:x"), ("created", "float16"), ("parameter", "float16"),
     ("initialized", "float32"), ("int_literal", "int64"), ("mixed_literal", "float32"), ("int_sum", None),
     ("divided", "float64"), ("numpy_default", "float64"), ("half", "float16"), ("other_input", "like:n")],
)
def test_infer_dtype(name, expected):
    assert infer_dtype(VALUES[name]) == expected
    assert dtype_of(VALUES[name]) == (None if expected is None or expected.startswith("like:") else expected)


def test_certainly_differ():
    assert certainly_differ(VALUES["astype"], VALUES["kept"])  # a cast of x against x's own dtype
    assert certainly_differ(VALUES["prim_cast"], VALUES["kept"])
    assert certainly_differ(VALUES["created"], VALUES["divided"])
    assert not certainly_differ(VALUES["created"], VALUES["parameter"])  # both float16
    assert not certainly_differ(VALUES["initialized"], VALUES["kept"])  # x may be float32
    assert not certainly_differ(VALUES["astype"], VALUES["other_input"])  # n is another input
