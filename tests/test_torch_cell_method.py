"""ms-torch-cell-method: PyTorch nn.Module methods on receivers known to be Cells."""

from __future__ import annotations

from helpers import lint_file


def _lint(tmp_path, source: str):
    path = tmp_path / "model.py"
    path.write_text(source, encoding="utf-8")
    return lint_file(path)


def test_self_in_a_cell_gets_the_mindspore_name_not_an_unknown_attribute(tmp_path):
    found = _lint(
        tmp_path,
        "from mindspore import nn\n\n\nclass Net(nn.Cell):\n    def __init__(self):\n        super().__init__()\n"
        "        self.dense = nn.Dense(2, 2)\n\n    def layers(self):\n        return list(self.children())\n\n"
        "    def construct(self, x):\n        return self.dense(x)\n",
    )
    assert [(f.symbol, f.line) for f in found] == [("ms-torch-cell-method", 10)]
    assert "use cells()" in found[0].message and found[0].fix is not None


def test_add_module_is_renamed_and_modules_only_advised(tmp_path):
    """On a SequentialCell, add_module is append (a child inserted with insert_child_to_cell is never run)."""
    found = _lint(
        tmp_path,
        "from mindspore import nn\n\n\ndef build():\n    net = nn.SequentialCell()\n    net.add_module('a', nn.ReLU())\n"
        "    return list(net.modules())\n",
    )
    assert [(f.line, f.fix is not None) for f in found] == [(6, True), (7, False)]
    assert "use append()" in found[0].message and "cells_and_names" in found[1].message
    found = _lint(tmp_path, "from mindspore import nn\n\n\ndef build():\n    net = nn.Dense(2, 2)\n    net.add_module('a', nn.ReLU())\n")
    assert "use insert_child_to_cell()" in found[0].message


def test_receivers_not_known_to_be_cells_are_left_alone(tmp_path):
    found = _lint(
        tmp_path,
        "from mindspore import nn\n\n\ndef names(model, tree):\n    return list(model.named_parameters()), tree.children()\n",
    )
    assert found == []
