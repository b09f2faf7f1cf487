"""MindSpore losses take (logits, labels)."""
import numpy as np
from mindspore import Tensor, nn


class WithLoss(nn.Cell):
    def __init__(self):
        super().__init__()
        self.ce = nn.SoftmaxCrossEntropyWithLogits(reduction="mean")

    def construct(self, logits, labels):
        return self.ce(logits, labels)


def demo():
    logits = Tensor(np.array([[2.0, 0.5, -1.0], [0.1, 0.2, 3.0]], np.float32))
    labels = Tensor(np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 1.0]], np.float32))
    return round(float(WithLoss()(logits, labels).asnumpy()), 5)
