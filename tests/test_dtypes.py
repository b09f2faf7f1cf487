"""The dtype inference shared by the graph and Ascend rules (mslint/analysis/dtypes.py)."""

from __future__ import annotations

import astroid
import pytest
from astroid import nodes

from mslint.analysis.dtypes import certainly_differ, dtype_of, infer_dtype
from mslint.run import frameworks_kept_out_of_astroid

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


@pytest.fixture(scope="module")
def values():
    """Name -> assigned expression of SOURCE, parsed (like a lint run) without building MindSpore's sources."""
    with frameworks_kept_out_of_astroid():
        module = astroid.parse(SOURCE)
        yield {a.targets[0].name: a.value for a in module.nodes_of_class(nodes.Assign) if isinstance(a.targets[0], nodes.AssignName)}


@pytest.mark.parametrize(
    ("name", "expected"),
    [("astype", "float16"), ("prim_cast", "float16"), ("kept", "like:x"), ("created", "float16"), ("parameter", "float16"),
     ("initialized", "float32"), ("int_literal", "int64"), ("mixed_literal", "float32"), ("int_sum", None),
     ("divided", "float64"), ("numpy_default", "float64"), ("half", "float16"), ("other_input", "like:n")],
)
def test_infer_dtype(values, name, expected):
    assert infer_dtype(values[name]) == expected
    assert dtype_of(values[name]) == (None if expected is None or expected.startswith("like:") else expected)


def test_certainly_differ(values):
    assert certainly_differ(values["astype"], values["kept"])  # a cast of x against x's own dtype
    assert certainly_differ(values["prim_cast"], values["kept"])
    assert certainly_differ(values["created"], values["divided"])
    assert not certainly_differ(values["created"], values["parameter"])  # both float16
    assert not certainly_differ(values["initialized"], values["kept"])  # x may be float32
    assert not certainly_differ(values["astype"], values["other_input"])  # n is another input
