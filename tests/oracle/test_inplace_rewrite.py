"""`mslint fix` rewrites `torch.nn.ReLU(inplace=True)` in MindSpore code without `inplace=` (readiness counts it as
auto-fixable): the fixed code runs on MindSpore 2.10 and gives PyTorch's values."""

from __future__ import annotations

import numpy as np
from helpers import require

from mslint.cli import main

ms = require("mindspore")
torch = require("torch")

SOURCE = """\
import mindspore
import torch

relu = torch.nn.ReLU(inplace=True)
hardswish = torch.nn.Hardswish(inplace=True)
"""


def test_rewrite_drops_inplace_and_keeps_the_values(tmp_path, capsys):
    path = tmp_path / "m.py"
    path.write_text(SOURCE, encoding="utf-8")
    assert main(["fix", "--no-cache", str(path)]) == 0
    capsys.readouterr()
    fixed = path.read_text(encoding="utf-8")
    assert "relu = mindspore.nn.ReLU()\n" in fixed and "hardswish = mindspore.mint.nn.Hardswish()\n" in fixed
    namespace: dict = {}
    exec(compile(fixed.replace("import torch\n", ""), str(path), "exec"), namespace)  # noqa: S102 - the fixed file
    values = np.linspace(-4, 4, 17, dtype=np.float32)
    for name, layer in (("relu", torch.nn.ReLU(inplace=True)), ("hardswish", torch.nn.Hardswish(inplace=True))):
        expected = layer(torch.tensor(values)).numpy()
        assert np.allclose(namespace[name](ms.Tensor(values)).asnumpy(), expected, atol=1e-6), name
