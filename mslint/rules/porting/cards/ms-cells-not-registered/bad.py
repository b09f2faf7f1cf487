"""PyTorch's nn.ModuleList ported as a plain list: the heads' weights are neither trained nor saved."""
from mindspore import nn


class MultiHead(nn.Cell):
    def __init__(self):
        super().__init__()
        self.heads = [nn.Dense(4, 2) for _ in range(3)]  # [ms-cells-not-registered]

    def construct(self, x):
        return [head(x) for head in self.heads]


def demo():
    return len(MultiHead().trainable_params())
