"""Returning a dict from the top-level construct: under STRICT the keys are silently dropped."""
from __future__ import annotations

import mindspore as ms
import numpy as np
from mindspore import Tensor, nn, ops


class Net(nn.Cell):
    """Returns named outputs in a dict."""

    def construct(self, x):
        return {"a": x, "b": x * 2}  # [ms-graph-return-dict]


def demo() -> object:
    """Run once; report the container type and values."""
    out = Net()(Tensor(np.array([1.0, 2.0], np.float32)))
    if isinstance(out, dict):
        return ["dict", {k: v.asnumpy().tolist() for k, v in out.items()}]
    return [type(out).__name__, [v.asnumpy().tolist() for v in out]]
