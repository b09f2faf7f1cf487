"""MindSpore differentiates a function: value_and_grad, then optimizer(grads)."""
import numpy as np
import mindspore as ms
from mindspore import Tensor, nn, ops


def demo():
    net = nn.Dense(2, 1)
    optimizer = nn.SGD(net.trainable_params(), learning_rate=0.1)
    x = Tensor(np.ones((4, 2), np.float32))

    def forward(data):
        return ops.mean(net(data) ** 2)

    loss, grads = ms.value_and_grad(forward, None, optimizer.parameters)(x)
    optimizer(grads)
    return round(float(loss.asnumpy()), 4) > 0
