"""Parameters selected by torch names ("LayerNorm.weight") that MindSpore names otherwise (layer_norm.gamma): the filter misses them."""

from mindspore import nn

FAMILY = "porting"
EXPECT = "differs"


class _Block(nn.Cell):
    def __init__(self):
        super().__init__()
        self.dense = nn.Dense(4, 4)
        self.layer_norm = nn.LayerNorm((4,))


def _no_decay(names):
    return sorted(p.name for p in _Block().trainable_params() if any(nd in p.name for nd in names))


def bad():
    return _no_decay(["bias", "LayerNorm.weight"])


def good():
    return _no_decay(["bias", "beta", "gamma"])
