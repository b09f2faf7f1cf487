"""ms.Tensor built like torch.Tensor(*sizes): a shape given as the data argument next to init=, or data given together with shape=."""

import mindspore as ms
from mindspore.common.initializer import Zero

FAMILY = "porting"
EXPECT = "ValueError"


def bad():
    return ms.Tensor((2, 3), dtype=ms.float32, init=Zero()).init_data()


def good():
    return ms.Tensor(shape=(2, 3), dtype=ms.float32, init=Zero()).init_data()
