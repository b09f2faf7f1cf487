"""Graph-safe rewrite: log in the caller (or use ops.print_ for per-call output)."""
from __future__ import annotations

import logging

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops

LOG = logging.getLogger("mslint.card.graph_logging_good")


class Recorder(logging.Handler):
    """Collects log messages."""

    def __init__(self):
        super().__init__()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


class Net(nn.Cell):
    """Pure computation."""

    def construct(self, x):
        return x * 2


def demo() -> int:
    """Call three times, logging in Python; report how many records were emitted."""
    recorder = Recorder()
    LOG.addHandler(recorder)
    LOG.propagate = False
    net = Net()
    for _ in range(3):
        net(Tensor(np.array([1.0, 2.0], np.float32)))
        LOG.warning("step")
    return len(recorder.messages)
