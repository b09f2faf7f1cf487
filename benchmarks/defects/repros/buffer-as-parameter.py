"""A torch buffer (register_buffer, fixed) ported as a mindspore Parameter: it becomes trainable and the optimizer changes it."""

import mindspore as ms
import numpy as np
from mindspore import nn, ops

FAMILY = "porting"
EXPECT = "differs"


class _Gcn(nn.Cell):
    def __init__(self, adjacency, as_parameter):
        super().__init__()
        self.w = ms.Parameter(ms.Tensor(np.ones((3, 3), np.float32)), name="w")
        if as_parameter:
            self.A = ms.Parameter(adjacency, name="A")          # the port
        else:
            self.A = ms.Parameter(adjacency, name="A", requires_grad=False)  # the buffer of the original

    def construct(self, x):
        return ops.matmul(ops.matmul(x, self.w), self.A).sum()


def _step(as_parameter):
    adjacency = ms.Tensor(np.eye(3, dtype=np.float32))
    net = _Gcn(adjacency, as_parameter)
    opt = nn.SGD(net.trainable_params(), learning_rate=0.1)
    grad_fn = ms.value_and_grad(net, None, opt.parameters)
    _, grads = grad_fn(ms.Tensor(np.ones((2, 3), np.float32)))
    opt(grads)
    return net.A.asnumpy()


def bad():
    return _step(True)


def good():
    return _step(False)
