"""The migration guide's PoseNetLossCell reading the attribute it assigned."""
import numpy as np
from mindspore import Tensor, nn


class PoseNetLossCell(nn.Cell):
    def __init__(self, backbone):
        super().__init__()
        self.pose_net = backbone

    def construct(self, x):
        return self.pose_net(x)


def demo():
    return PoseNetLossCell(nn.ReLU())(Tensor(np.array([-1.0, 2.0], np.float32))).asnumpy().tolist()
