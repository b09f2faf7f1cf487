"""Porting rules on idioms of real half-migrated projects (issue 11): leftovers, wrappers, receivers, patches."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import lint_file, symbols

from mslint.core.edits import apply_fixes
from mslint.run import lint


def test_torch_names_left_after_the_import_was_removed(lint_source):
    source = (
        "from mindspore import nn\n"
        "# import torch\n"
        "class Net(nn.Cell):\n"
        "    @torch.no_grad()\n"
        "    def construct(self, x):\n"
        "        with torch.no_grad():\n"
        "            y = torch.clamp(x, 0, 1)\n"
        "        return y\n"
        "def train(net):\n"
        "    torch.nn.utils.clip_grad_norm_(net.trainable_params(), 1.0)\n"
        "    torch.save(net.state_dict(), 'a.pth')\n"
        "    torch.manual_seed(0)\n"
        "    torch.cuda.amp.autocast()\n"
    )
    found = lint_source(source)
    assert symbols(found) == [(line, "ms-torch-not-imported") for line in (4, 6, 7, 10, 11, 12, 13)]
    messages = {f.line: f.message for f in found}
    assert "mindspore.mint.clamp" in messages[7] and "clip_by_global_norm" in messages[10]
    assert "save_checkpoint" in messages[11] and "mindspore.manual_seed" in messages[12]
    assert "port it to MindSpore or delete it" in messages[13]
    fixed, _ = apply_fixes(source, [f.fix for f in found if f.fix])
    assert "mint.clamp(x, 0, 1)" in fixed and "from mindspore import mint" in fixed


def test_torch_bound_or_not_evaluated_is_not_reported(lint_source):
    bound = "import mindspore\ntry:\n    import torch\nexcept ImportError:\n    torch = None\nx = torch.zeros(2)\n"
    postponed = "from __future__ import annotations\nimport mindspore\ndef f(x: torch.Tensor) -> torch.Tensor:\n    return x\n"
    local = "import mindspore\ndef f(torch):\n    return torch.zeros(2)\n"
    for source in (bound, postponed, local):
        assert lint_source(source) == []


def test_pytorch_defaults_are_followed_through_wrappers(lint_source):
    source = (
        "from mindspore import nn\n"
        "def _bn(ch, momentum=0.1):\n"
        "    return nn.BatchNorm2d(ch, momentum=momentum)\n"
        "def _bn_twice(ch, momentum=0.1):\n"
        "    return nn.BatchNorm2d(ch, momentum=momentum), nn.BatchNorm1d(ch, momentum=momentum)\n"
        "class BatchNorm(nn.BatchNorm2d):\n"
        "    def __init__(self, ch, momentum=0.1):\n"
        "        super().__init__(ch, momentum=momentum)\n"
        "class Block(nn.Cell):\n"
        "    def __init__(self, drop=0.1, keep=0.9):\n"
        "        super().__init__()\n"
        "        self.a = nn.Dropout(drop)\n"
        "        self.b = nn.Dropout(keep)\n"
        "def pool(k, stride=None):\n"
        "    return nn.MaxPool2d(k, stride=stride)\n"
    )
    found = lint_source(source)
    # Each finding is at the call, where its fix applies; the message says where the default is.
    assert symbols(found) == [
        (3, "ms-batchnorm-momentum"),
        (5, "ms-batchnorm-momentum"),
        (5, "ms-batchnorm-momentum"),
        (8, "ms-batchnorm-momentum"),
        (12, "ms-dropout-rate-as-keep-prob"),
        (13, "ms-dropout-keep-prob"),
        (15, "ms-argument-type"),
    ]
    assert "momentum defaults to 0.1 at line 2" in found[0].message
    fixed, _ = apply_fixes(source, [f.fix for f in found if f.fix])
    assert "nn.BatchNorm2d(ch, momentum=1 - momentum)" in fixed and "nn.Dropout(p=drop)" in fixed


def test_keep_prob_given_a_drop_rate(lint_source):
    found = lint_source("from mindspore import nn\ndef f(dropout=0.1):\n    return nn.Dropout(keep_prob=dropout), nn.Dropout(1 - dropout)\n")
    assert symbols(found) == [(3, "ms-dropout-keep-prob"), (3, "ms-dropout-rate-as-keep-prob")]
    assert "dropout defaults to 0.1 at line 2" in found[0].message
    assert found[1].message.endswith("p=dropout")


def test_cell_and_optimizer_methods_on_known_receivers(lint_source):
    source = (
        "from mindspore import nn\n"
        "class Trainer:\n"
        "    def __init__(self):\n"
        "        self.model = nn.Dense(2, 2)\n"
        "        self.optimizer = nn.Adam(self.model.trainable_params(), learning_rate=0.1)\n"
        "    def run(self, x):\n"
        "        self.model.eval()\n"
        "        for p in self.model.parameters():\n"
        "            pass\n"
        "        names = [n for n, _ in self.model.named_parameters()]\n"
        "        self.optimizer.step()\n"
        "        return x.to(device='cuda', non_blocking=True)\n"
        "def fit(net: nn.Cell, opt: nn.Optimizer, other):\n"
        "    net.train()\n"
        "    opt.step()\n"
        "    other.eval()\n"  # unknown receiver
        "    other.step()\n"  # a scheduler has step() too
    )
    found = lint_source(source)
    assert symbols(found) == [
        (7, "ms-train-eval-call"),
        (8, "ms-parameters-call"),
        (10, "ms-torch-cell-method"),
        (11, "ms-torch-training-step"),
        (12, "ms-torch-device-method"),
        (14, "ms-train-eval-call"),
        (15, "ms-torch-training-step"),
    ]
    fixed, _ = apply_fixes(source, [f.fix for f in found if f.fix and f.fix.applicability.value == "safe"])
    assert "self.model.get_parameters()" in fixed and "self.model.parameters_and_names()" in fixed  # E7224 renames it


def test_attribute_assigned_something_else_is_unknown(lint_source):
    source = (
        "from mindspore import nn\n"
        "class Trainer:\n"
        "    def __init__(self, model):\n"
        "        self.model = nn.Dense(2, 2)\n"
        "        if model is not None:\n"
        "            self.model = model\n"
        "    def run(self):\n"
        "        self.model.eval()\n"
    )
    assert lint_source(source) == []


def test_argument_types_from_mindspore_validators(lint_source):
    source = (
        "from mindspore import nn\n"
        "up = nn.Upsample(scale_factor=2)\n"
        "opt = nn.Momentum(params, learning_rate=0.1, momentum=0)\n"
        "pool = nn.MaxPool2d(3, stride=None)\n"
        "ok = (nn.Upsample(size=8), nn.Momentum(params, 0.1, 0.9), nn.MaxPool2d(3, stride=2), nn.Upsample(scale_factor=True))\n"
    )
    found = lint_source(source)
    assert symbols(found) == [(2, "ms-argument-type"), (3, "ms-argument-type"), (4, "ms-argument-type")]
    assert "recompute_scale_factor=True" in found[0].message and "stride=3" in found[2].message


def test_converter_and_alignment_scripts_get_no_torch_api(lint_source):
    converter = "import torch\nimport mindspore as ms\nw = torch.load('a.pth')\nms.save_checkpoint([], 'a.ckpt')\nx = torch.zeros(2)\n"
    alignment = "import numpy as np\nimport torch\nfrom mindspore import ops\na = torch.relu(torch.ones(2)).numpy()\nassert np.allclose(a, a)\n"
    named = "import torch\nimport mindspore\nx = torch.zeros(2)\n"
    assert lint_source(converter) == [] and lint_source(alignment) == []
    assert lint_source(named, name="tools/pth2ckpt.py") == []
    assert symbols(lint_source(named, name="model.py")) == [(3, "ms-torch-api")]
    handover = "import torch\nimport mindspore as ms\ndef to_pt(x):\n    data = x.numpy()\n    return torch.tensor(data), torch.from_numpy(x.asnumpy())\n"
    assert lint_source(handover, name="utils.py") == []


def test_patch_in_another_module_is_seen_with_jobs(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("import mindspore.nn as nn\nfrom .layers import Dropout\nnn.Dropout = Dropout\n")
    (package / "layers.py").write_text("from mindspore import nn\nclass Dropout(nn.Cell):\n    pass\n")
    model = package / "model.py"
    model.write_text("from mindspore import nn\nd = nn.Dropout(0.1)\n")
    assert [f for f in lint([str(package)]) if f.is_mslint] == []
    parallel = subprocess.run([sys.executable, "-m", "mslint", "check", "-j", "2", "--format", "json", str(package)], capture_output=True, text=True, timeout=300)
    assert json.loads(parallel.stdout)["findings"] == [], parallel.stderr
    assert lint_file(model) == []  # the package __init__ is scanned for a single file too
    (package / "__init__.py").write_text("")
    assert symbols(lint_file(model)) == [(2, "ms-dropout-rate-as-keep-prob")]


def test_receivers_from_torch_are_not_mindspore_objects(lint_source):
    unbound = (
        "import mindspore\n"
        "def f(x, targets):\n"
        "    noise = torch.zeros_like(x).cuda()\n"
        "    index = torch.where(targets != -1)[0]\n"
        "    return noise, index.size()[0], x.size(0)\n"
    )
    found = lint_source(unbound)
    assert [(f.line, f.symbol) for f in found if f.symbol != "ms-torch-not-imported"] == [(5, "ms-tensor-size-call")]
    assert found[-1].column > 30  # x.size(0), not index.size()
    mixed = "import torch\nimport mindspore\noptimizer = torch.optim.AdamW([], lr=0.1)\noptimizer.zero_grad()\nloss.backward()\n"
    assert [f for f in lint_source(mixed) if f.symbol == "ms-torch-training-step"] == []


def test_tensor_method_called_on_the_class_and_module_size_helpers(lint_source):
    source = (
        "import sys\nfrom mindspore import Tensor\n"
        "d2l = sys.modules[__name__]\nsize = lambda x, *args: x.size(*args)\n"
        "def f(img, y):\n    return Tensor.asnumpy(img), d2l.size(y)\n"
    )
    assert lint_source(source) == []
