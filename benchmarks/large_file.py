"""Write a large generated Python file of MindSpore model code (default 5 MB), for timing and peak memory.

Usage: python benchmarks/large_file.py OUTPUT [--megabytes 5]

The file repeats one block of ordinary MindSpore code (a Cell with layers and a construct method, a helper
function, a training step) with numbered names, so every block is distinct code astroid and mslint must read.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HEADER = '''"""Generated: many MindSpore cells."""
import mindspore as ms
from mindspore import nn, ops


'''

BLOCK = '''class Block{n}(nn.Cell):
    """Block {n}."""

    def __init__(self, channels=64, ratio=4):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, pad_mode="same")
        self.norm = nn.BatchNorm2d(channels)
        self.act = nn.ReLU()
        self.fc1 = nn.Dense(channels, channels // ratio)
        self.fc2 = nn.Dense(channels // ratio, channels)
        self.pool = ops.ReduceMean(keep_dims=False)
        self.scale = {n}

    def construct(self, x):
        y = self.act(self.norm(self.conv(x)))
        w = self.pool(y, (2, 3))
        w = ops.sigmoid(self.fc2(self.act(self.fc1(w))))
        w = w.reshape(w.shape[0], w.shape[1], 1, 1)
        return x + y * w * self.scale


def make_block{n}(channels):
    layers = [Block{n}(channels) for _ in range(2)]
    total = sum(layer.scale for layer in layers)
    return nn.SequentialCell(layers), total


def train_step{n}(network, optimizer, data, label):
    loss_fn = nn.SoftmaxCrossEntropyWithLogits(sparse=True, reduction="mean")

    def forward_fn(inputs, targets):
        return loss_fn(network(inputs), targets)

    grad_fn = ms.value_and_grad(forward_fn, None, optimizer.parameters)
    loss, grads = grad_fn(data, label)
    optimizer(grads)
    return loss


'''


def generate(size: int) -> str:
    """The source text, at least ``size`` bytes long."""
    parts, length, number = [HEADER], len(HEADER), 0
    while length < size:
        block = BLOCK.format(n=number)
        parts.append(block)
        length += len(block)
        number += 1
    return "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("output", type=Path)
    parser.add_argument("--megabytes", type=float, default=5.0)
    options = parser.parse_args()
    options.output.write_text(generate(int(options.megabytes * 1_000_000)), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
