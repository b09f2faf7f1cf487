"""Cell.cells() used for torch's modules(): it yields direct children only, so a loop meant to visit every layer (an init loop) visits none of the nested ones."""

from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _net():
    return nn.SequentialCell([nn.SequentialCell([nn.Conv2d(3, 3, 1)]), nn.SequentialCell([nn.Conv2d(3, 3, 1)])])


def bad():
    return len([cell for cell in _net().cells() if isinstance(cell, nn.Conv2d)])


def good():
    return len([cell for _, cell in _net().cells_and_names() if isinstance(cell, nn.Conv2d)])  # torch modules()
