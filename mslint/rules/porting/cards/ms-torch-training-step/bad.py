"""PyTorch's training step on MindSpore tensors and optimizers."""
import numpy as np
from mindspore import Tensor, nn, ops


def demo():
    net = nn.Dense(2, 1)
    optimizer = nn.SGD(net.trainable_params(), learning_rate=0.1)
    x = Tensor(np.ones((4, 2), np.float32))
    loss = ops.mean(net(x) ** 2)
    optimizer.zero_grad()  # [ms-torch-training-step]
    loss.backward()  # [ms-torch-training-step]
    optimizer.step()  # [ms-torch-training-step]
    return round(float(loss.asnumpy()), 4) > 0
