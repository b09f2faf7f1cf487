"""Cell.cells() for torch's modules()/apply(): only direct children, not the cell itself nor grandchildren."""

from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


def _convs(traverse):
    net = nn.SequentialCell(nn.SequentialCell(nn.Conv2d(3, 3, 1)), nn.Conv2d(3, 3, 1))
    return sorted(name for name, cell in traverse(net) if isinstance(cell, nn.Conv2d))


def bad():
    return _convs(lambda net: [(str(i), c) for i, c in enumerate(net.cells())])


def good():
    return _convs(lambda net: net.cells_and_names())
