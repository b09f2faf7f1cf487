"""The edit builders rules use (``ctx.edit``): each change keeps the file valid Python, with its commas,
parentheses, indentation and line ends."""

from __future__ import annotations

import ast

import astroid
import pytest
from astroid import nodes

from mslint.core.edits import Edit, apply_fixes, Fix
from mslint.core.positions import SourceText
from mslint.engine.edits import EditBuilder


def edited(source: str, build) -> str:
    """``source`` after the edits ``build(builder, module)`` returns (None: no edit)."""
    module = astroid.parse(source)
    result = build(EditBuilder(SourceText(source)), module)
    if result is None:
        return source
    edits = (result,) if isinstance(result, Edit) else tuple(result)
    text, applied = apply_fixes(source, [Fix("edit", edits)])
    assert applied
    ast.parse(text)
    return text


def first(module: nodes.Module, kind: type) -> nodes.NodeNG:
    return next(module.nodes_of_class(kind))


def test_replace_a_node():
    assert edited("y = f(x)\n", lambda e, m: e.replace(first(m, nodes.Call), "g(x, 1)")) == "y = g(x, 1)\n"


def test_rename_the_name_that_ends_a_node():
    assert edited("n = x.size\n", lambda e, m: e.rename(first(m, nodes.Attribute), "size", "shape")) == "n = x.shape\n"
    source = "class A:\n    def forward(self):\n        return 1\n"
    assert edited(source, lambda e, m: e.rename(first(m, nodes.FunctionDef), "forward", "construct")) == source.replace("forward", "construct")


def test_replace_a_method_call_from_its_name():
    assert edited("n = x.size(0)\n", lambda e, m: e.replace_from_name(first(m, nodes.Call), "shape[0]")) == "n = x.shape[0]\n"
    assert edited("n = x.size(\n    0,\n)\n", lambda e, m: e.replace_from_name(first(m, nodes.Call), "shape[0]")) == "n = x.shape[0]\n"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("def f(x):\n    x.cuda()\n    return x\n", "def f(x):\n    return x\n"),  # its own line
        ("def f(x):\n    x.cuda()  # move\n    return x\n", "def f(x):\n    return x\n"),  # with its comment
        ("def f(x):\n    x.cuda()\r\n    return x\r\n", "def f(x):\n    return x\r\n"),  # a CRLF line
        ("def f(x):\n    x.cuda()\n", "def f(x):\n    pass\n"),  # alone in its block
        ("def f(x):\n    y = 1; x.cuda()\n    return x\n", "def f(x):\n    y = 1; pass\n    return x\n"),  # shares a line
        ("x.cuda()\nprint(x)", "print(x)"),  # the first line of a file with no final newline
    ],
)
def test_delete_a_statement(source, expected):
    def build(edit: EditBuilder, module: nodes.Module) -> Edit:
        call = next(call for call in module.nodes_of_class(nodes.Call) if call.func.as_string().endswith("cuda"))
        return edit.delete_statement(call.parent)

    assert edited(source, build) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("nn.Conv2d()\n", "nn.Conv2d(pad_mode='pad')\n"),
        ("nn.Conv2d(3, 8, padding=1)\n", "nn.Conv2d(3, 8, padding=1, pad_mode='pad')\n"),
        ("nn.Conv2d(\n    3,\n    8,\n)\n", "nn.Conv2d(\n    3,\n    8, pad_mode='pad',\n)\n"),
        ("nn.Conv2d(*args)\n", "nn.Conv2d(*args, pad_mode='pad')\n"),
        ("nn.Conv2d( )\n", "nn.Conv2d( pad_mode='pad')\n"),
    ],
)
def test_add_a_keyword(source, expected):
    assert edited(source, lambda e, m: e.add_keyword(first(m, nodes.Call), "pad_mode='pad'")) == expected


def test_no_keyword_is_added_after_double_star_arguments():
    assert edited("f(1, **kw)\n", lambda e, m: e.add_keyword(first(m, nodes.Call), "a=1")) == "f(1, **kw)\n"


def test_rename_a_keyword_and_split_a_tuple_over_two():
    assert edited("f(x, dim=1)\n", lambda e, m: e.rename_keyword(first(m, nodes.Keyword), "axis")) == "f(x, axis=1)\n"
    split = edited("Adam(p, betas=(0.9, 0.99))\n", lambda e, m: e.rename_keyword(first(m, nodes.Keyword), "beta1,beta2"))
    assert split == "Adam(p, beta1=0.9, beta2=0.99)\n"
    assert edited("Adam(p, betas=b)\n", lambda e, m: e.rename_keyword(first(m, nodes.Keyword), "beta1,beta2")) == "Adam(p, betas=b)\n"


@pytest.mark.parametrize(
    ("source", "which", "expected"),
    [
        ("nn.ReLU(inplace=True)\n", "inplace", "nn.ReLU()\n"),
        ("nn.ReLU(inplace=True,)\n", "inplace", "nn.ReLU()\n"),
        ("f(1, inplace=True, b=2)\n", "inplace", "f(1, b=2)\n"),
        ("f(inplace=True, b=2)\n", "inplace", "f(b=2)\n"),
        ("f(1,\n  inplace=True)\n", "inplace", "f(1)\n"),
    ],
)
def test_remove_an_argument(source, which, expected):
    def build(edit: EditBuilder, module: nodes.Module) -> Edit:
        call = first(module, nodes.Call)
        return edit.remove_argument(call, next(kw for kw in call.keywords if kw.arg == which))

    assert edited(source, build) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("import numpy as np\n\nx = 1\n", "import numpy as np\nfrom mindspore import mint\n\nx = 1\n"),
        ("x = 1\n", "from mindspore import mint\nx = 1\n"),
        ("import numpy as np", "import numpy as np\nfrom mindspore import mint"),
        ("import os\r\nx = 1\r\n", "import os\r\nfrom mindspore import mint\r\nx = 1\r\n"),
    ],
)
def test_insert_an_import(source, expected):
    assert edited(source, lambda e, m: e.insert_import(m, "from mindspore import mint")) == expected


def test_insert_a_line_before_a_statement_at_its_indentation():
    source = "class A:\n    def __init__(self):\n        self.x = 1\n"
    expected = "class A:\n    def __init__(self):\n        super().__init__()\n        self.x = 1\n"
    assert edited(source, lambda e, m: e.insert_before(first(m, nodes.Assign), "super().__init__()")) == expected
