"""logging calls in graph code run only while compiling (first call), not on every call."""
from __future__ import annotations

import logging

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops

LOG = logging.getLogger("mslint.card.graph_logging")


class Recorder(logging.Handler):
    """Collects log messages."""

    def __init__(self):
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class Net(nn.Cell):
    """Logs on every call."""

    def construct(self, x):
        LOG.warning("step")  # [ms-graph-logging]
        return x * 2


def demo() -> int:
    """Call three times; report how many log records were emitted."""
    recorder = Recorder()
    LOG.addHandler(recorder)
    LOG.propagate = False
    net = Net()
    for _ in range(3):
        net(Tensor(np.array([1.0, 2.0], np.float32)))
    return len(recorder.messages)
