"""Same name, other semantics: Cell.cells() yields direct children only, torch Module.modules() walks the whole tree."""

from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _net():
    return nn.SequentialCell(nn.SequentialCell(nn.Conv2d(1, 1, 1), nn.BatchNorm2d(1)), nn.Conv2d(1, 1, 1))


def bad():
    return sum(isinstance(m, nn.Conv2d) for m in _net().cells())  # torch: for m in self.modules()


def good():
    return sum(isinstance(m, nn.Conv2d) for _, m in _net().cells_and_names())
