"""Suggestions that fit what a name is bound to (issue 27's hand-reviewed wrong fixes, each right or gone)."""

from __future__ import annotations

from pathlib import Path

import helpers
from helpers import lint_file

from mslint.core.edits import fixed_text
from mslint.outputs.findings import Finding


def _lint(tmp_path: Path, source: str, **options: str) -> list[Finding]:
    path = tmp_path / "port.py"
    path.write_text(source)
    return lint_file(path, mindspore_version="2.10", **options)



def test_add_module_on_a_sequential_cell_is_append(tmp_path: Path) -> None:
    source = (
        "from mindspore import nn\n\n\nclass Net(nn.Cell):\n    def __init__(self):\n        super().__init__()\n"
        "        self.body = nn.SequentialCell()\n        self.body.add_module('relu', nn.ReLU())\n        self.add_module('head', nn.ReLU())\n"
    )
    findings = [f for f in _lint(tmp_path, source) if f.symbol == "ms-torch-cell-method"]
    on_sequence, on_cell = sorted(findings, key=lambda f: f.line)
    assert "use append()" in on_sequence.message and on_sequence.fix is not None
    assert on_sequence.fix.applicability.value == "unsafe"
    fixed = fixed_text(source, [on_sequence.fix])
    assert "self.body.append(nn.ReLU())" in fixed
    assert "use insert_child_to_cell()" in on_cell.message


def test_attribute_renames_only_for_a_misspelling_of_a_name_of_the_right_kind(tmp_path: Path) -> None:
    source = """\
from mindspore import nn


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.fc_mean = nn.Dense(2, 2)
        self.gradient_checkpointing = False
        self.layers = nn.CellList([nn.Dense(2, 2)])
        self.poss_net = nn.Dense(2, 2)
        self.conv2 = nn.Dense(2, 2)

    def helper(self):
        return 1

    def construct(self, x):
        v = self.fc_var(x)
        if self.gradient_checkpoint(x):
            x = x + 1
        for layer in self.layers:
            x = self.layer(x)
        y = self.pos_net(x)
        z = self.conv3(x)
        w = self.helpr + 1
        return v, y, z, w
"""
    found = {f.message.split("'")[1]: f for f in _lint(tmp_path, source) if f.symbol == "ms-unknown-self-attribute"}
    assert set(found) == {"self.fc_var", "self.gradient_checkpoint", "self.layer", "self.pos_net", "self.conv3", "self.helpr"}
    assert [name for name, f in found.items() if f.fix is not None] == ["self.pos_net"]
    assert found["self.pos_net"].message.endswith("did you mean 'self.poss_net'?")
    assert found["self.layer"].message.endswith("did you mean 'layer'?")
    assert all("did you mean" not in found[name].message for name in ("self.fc_var", "self.gradient_checkpoint", "self.conv3", "self.helpr"))


def test_a_device_call_chain_is_advised_ported_whole(tmp_path: Path) -> None:
    source = "import numpy as np\nfrom mindspore import Tensor, ops\n\n\ndef run():\n    x = Tensor(np.ones((2, 2), np.float32))\n    return x.detach().cpu()\n"
    messages = sorted(f.message for f in _lint(tmp_path, source) if f.symbol == "ms-torch-device-method")
    assert messages == [
        ".cpu() does not exist on a MindSpore Tensor: use ops.stop_gradient(x) (placement is global: mindspore.set_device)",
        ".detach() does not exist on a MindSpore Tensor: use ops.stop_gradient(x)",
    ]
    assert all("x.detach()" not in message for message in messages)


def test_a_deprecated_api_is_not_sent_to_a_mint_op_without_a_kernel_on_the_target(tmp_path: Path) -> None:
    source = "import mindspore\nfrom mindspore import ops\n\n\ndef sample():\n    return ops.UniformInt()((2, 2), mindspore.Tensor(0), mindspore.Tensor(5)), ops.UniformReal()((2, 2))\n"
    for target in ("cpu", "auto"):
        for finding in (f for f in _lint(tmp_path, source, target=target) if f.symbol == "ms-op-deprecated"):
            assert "use mint" not in finding.message and "runs on Ascend only" in finding.message and finding.fix is None
    on_ascend = [f.message for f in _lint(tmp_path, source, target="ascend") if f.symbol == "ms-op-deprecated"]
    assert on_ascend == [
        "'ops.UniformInt' is deprecated from MindSpore 2.10.0 and will be removed in a future version: use mint.randint",
        "'ops.UniformReal' is deprecated from MindSpore 2.10.0 and will be removed in a future version: use mint.rand",
    ]


def test_deprecations_say_what_mindspore_says_in_plain_words(tmp_path: Path) -> None:
    source = "from mindspore import nn\n\n\ndef sample():\n    return nn.OneHot(depth=3), nn.ClipByNorm()\n"
    messages = sorted(f.message for f in _lint(tmp_path, source, target="ascend") if f.symbol == "ms-op-deprecated")
    assert messages == [
        "'nn.ClipByNorm' is deprecated from MindSpore 2.8.0 and will be removed in a future version: use ops.clip_by_norm",
        "'nn.OneHot' will be deprecated in a future MindSpore version: use ops.one_hot",
    ]


def test_an_own_size_member_is_not_tensor_size(tmp_path: Path) -> None:
    source = """\
import mindspore.ops.operations as P
from mindspore import nn


class Net(nn.Cell):
    def __init__(self):
        super().__init__()
        self.size = P.Size()

    def construct(self, x):
        return self.size(x), x.size(0)
"""
    [finding] = [f for f in _lint(tmp_path, source) if f.symbol == "ms-tensor-size-call"]
    assert finding.message.endswith("instead of '.size(0)'")


def test_a_primitive_given_its_tensor_and_dim_is_not_renamed_to_axis(tmp_path: Path) -> None:
    source = "from mindspore import ops\n\n\ndef f(x):\n    return ops.Squeeze(x, dim=0), ops.Concat((x, x), dim=1), ops.Softmax(x, dim=-1), ops.squeeze(x, dim=0)\n"
    findings = sorted((f for f in _lint(tmp_path, source) if f.symbol == "ms-unexpected-argument"), key=lambda f: f.column)
    primitives, function = findings[:3], findings[3]
    assert all(f.fix is None and "is a Primitive, built with its axis and then called on tensors" in f.message for f in primitives)
    assert function.fix is not None and function.message.endswith("use axis")
