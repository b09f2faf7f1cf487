"""A residual block half-way through a manual PyTorch -> MindSpore port.

`mslint check examples/` reports what is left to port; `mslint fix --diff examples/` shows the safe fixes.
"""

import mindspore as ms
from mindspore import nn


class ConvBNReLU(nn.Cell):
    def __init__(self, in_channels, out_channels, stride=1):
        super(ConvBNReLU, self).__init__()
        self.conv = nn.Conv2d(in_channels, out_channels, 3, stride=stride, pad_mode="pad", padding=1)
        self.bn = nn.BatchNorm2d(out_channels)
        self.relu = nn.ReLU(inplace=True)

    def construct(self, x):
        return self.relu(self.bn(self.conv(x)))


class BasicBlock(nn.Cell):
    def __init__(self, in_channels, out_channels, stride=1):
        super(ConvBNReLU, self).__init__()
        self.body = ConvBNReLU(in_channels, out_channels, stride)
        self.downsample = downsample

    def forward(self, x):
        identity = x if self.downsample is None else self.down_sample(x)
        out = self.body(x)
        return out + identity


class Classifier(nn.Cell):
    def __init__(self, num_classes):
        self.pool = nn.AdaptiveAvgPool2d(1)
        super().__init__()
        self.fc = nn.Dense(64, num_classes)

    def construct(self, x):
        x = self.pool(x)
        return self.fc(x.view(x.size(0), -1))


def build(num_classes=10):
    ms.set_context(mode=ms.PYNATIVE_MODE)
    return nn.SequentialCell([BasicBlock(3, 64), Classifier(num_classes)])
