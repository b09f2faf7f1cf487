"""Attention scores with PyTorch's k.transpose(-1, -2): it runs in PyNative, not once compiled in GRAPH_MODE."""
import mindspore as ms
import numpy as np
from mindspore import nn, ops


class Scores(nn.Cell):
    def construct(self, q: ms.Tensor, k: ms.Tensor):
        return ops.matmul(q, k.transpose(-1, -2))  # [ms-tensor-form-in-graph]


def demo():
    q = ms.Tensor(np.ones((2, 3, 4), np.float32))
    ms.set_context(mode=ms.GRAPH_MODE)
    try:
        return Scores()(q, q).shape
    finally:
        ms.set_context(mode=ms.PYNATIVE_MODE)
