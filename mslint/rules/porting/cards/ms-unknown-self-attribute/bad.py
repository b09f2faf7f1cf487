"""The migration guide's PoseNetLossCell: the backbone is stored as pose_net, read as poss_net."""
import numpy as np
from mindspore import Tensor, nn


class PoseNetLossCell(nn.Cell):
    def __init__(self, backbone):
        super().__init__()
        self.pose_net = backbone

    def construct(self, x):
        return self.poss_net(x)  # [ms-unknown-self-attribute]


def demo():
    return PoseNetLossCell(nn.ReLU())(Tensor(np.array([-1.0, 2.0], np.float32))).asnumpy().tolist()
