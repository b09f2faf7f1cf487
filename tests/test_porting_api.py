"""Knowledge-base porting rules on code they were not written from: namespaces, receivers, patches, fixes."""

from __future__ import annotations

from helpers import symbols

from mslint.core.edits import apply_fixes


def test_dim_is_wrong_on_ops_but_right_on_mint(lint_source):
    source = (
        "from mindspore import mint, ops\n"
        "a = ops.cat([x, x], dim=1)\n"
        "b = mint.cat([x, x], dim=1)\n"
        "c = ops.transpose(x, 0, 1)\n"
        "d = x.sum(1, keepdim=True)\n"  # Tensor method: receiver unknown, not checked
    )
    found = lint_source(source)
    assert symbols(found) == [(2, "ms-unexpected-argument"), (4, "ms-unexpected-argument")]
    assert "use axis" in found[0].message and "positional" in found[1].message


def test_optimizer_keywords_despite_kwargs(lint_source, tmp_path):
    source = "from mindspore import nn\nnet = nn.Dense(2, 2)\nopt = nn.Adam(net.trainable_params(), lr=0.1, betas=(0.9, 0.99), use_lazy=True)\n"
    found = lint_source(source)
    assert symbols(found) == [(3, "ms-unexpected-argument"), (3, "ms-unexpected-argument")]
    text = (tmp_path / "module.py").read_text()
    fixed, _ = apply_fixes(text, [f.fix for f in found])
    assert "learning_rate=0.1, beta1=0.9, beta2=0.99, use_lazy=True" in fixed


def test_dropout_rate_and_keep_prob_are_told_apart(lint_source):
    source = (
        "from mindspore import nn\n"
        "a = nn.Dropout(0.1)\n"
        "b = nn.Dropout(drop_rate)\n"
        "c = nn.Dropout(1 - drop_rate)\n"
        "d = nn.Dropout(keep_prob=0.9)\n"
        "e = nn.Dropout(0.9)\n"
        "f = nn.Dropout(p=0.1)\n"
        "g = nn.Dropout(cfg.value)\n"
    )
    assert symbols(lint_source(source)) == [
        (2, "ms-dropout-rate-as-keep-prob"),
        (3, "ms-dropout-rate-as-keep-prob"),
        (4, "ms-dropout-keep-prob"),
        (5, "ms-dropout-keep-prob"),
        (6, "ms-dropout-keep-prob"),  # positional keep_prob: deprecated, and PyTorch's rate if ported
    ]


def test_patched_apis_are_unknown(lint_source):
    patched = "from mindspore import nn\nnn.Dropout = TorchDropout\nd = nn.Dropout(0.1)\nr = nn.ReLU(inplace=True)\n"
    assert symbols(lint_source(patched)) == [(4, "ms-unsupported-inplace")]
    declared = "from mindspore import nn\nd = nn.Dropout(0.1)\n"
    assert lint_source(declared, patched_apis="mindspore.nn.Dropout") == []
    inspected = "import inspect\nfrom mindspore import ops\nif 'sizes' in inspect.signature(ops.interpolate).parameters:\n    y = ops.interpolate(x, sizes=(2, 2))\n"
    assert lint_source(inspected) == []


def test_padding_fix_is_safe_only_for_literals(lint_source):
    source = "from mindspore import nn\na = nn.Conv2d(1, 2, 3, padding=1)\nb = nn.Conv2d(1, 2, 3, padding=pad)\nc = nn.Conv2d(1, 2, 3, padding=0)\nd = nn.Conv2d(1, 2, 3, pad_mode='pad', padding=1)\n"
    found = lint_source(source)
    assert symbols(found) == [(2, "ms-padding-without-pad-mode"), (3, "ms-padding-without-pad-mode")]
    assert [f.fix.applicability.value for f in found] == ["safe", "unsafe"]


def test_pool_stride_only_in_ported_files(lint_source):
    native = "from mindspore import nn\np = nn.MaxPool2d(3)\n"
    assert lint_source(native) == []
    assert symbols(lint_source(native, profile="migration")) == [(2, "ms-pool-stride-default")]
    assert symbols(lint_source("import torch\n" + native)) == [(3, "ms-pool-stride-default")]


def test_torch_calls_only_in_mixed_files_with_deduplicated_import(lint_source, tmp_path):
    torch_only = "import torch\ny = torch.cat([x, x], dim=1)\n"
    assert lint_source(torch_only) == []
    mixed = "import torch\nfrom mindspore import nn\ny = torch.cat([x, x], dim=1)\nz = torch.flatten(y)\nw = torch.no_grad()\n"
    found = lint_source(mixed)
    assert symbols(found) == [(3, "ms-torch-api"), (4, "ms-torch-api"), (5, "ms-torch-api")]
    fixed, applied = apply_fixes((tmp_path / "module.py").read_text(), [f.fix for f in found if f.fix])
    assert len(applied) == 2 and fixed.count("from mindspore import mint") == 1
    assert "mint.cat([x, x], dim=1)" in fixed and "mint.flatten(y)" in fixed


def test_receivers_of_train_eval_and_parameters(lint_source):
    source = (
        "from mindspore import nn\n"
        "class Net(nn.Cell):\n"
        "    def fit(self):\n"
        "        self.train()\n"
        "net = Net()\n"
        "net.eval()\n"
        "loader.train()\n"  # unknown receiver: silent
        "opt = nn.SGD(net.parameters(), learning_rate=0.1)\n"
        "opt2 = nn.SGD(model.parameters(), learning_rate=0.1)\n"
        "opt.step()\n"
        "scheduler.step()\n"  # not an optimizer: silent
    )
    found = {(f.line, f.symbol): f.confidence for f in lint_source(source)}
    assert set(found) == {
        (4, "ms-train-eval-call"),
        (6, "ms-train-eval-call"),
        (8, "ms-parameters-call"),
        (9, "ms-parameters-call"),
        (10, "ms-torch-training-step"),
    }
    assert found[(9, "ms-parameters-call")] == "INFERENCE" and found[(8, "ms-parameters-call")] == "HIGH"


def test_torch_container_names_on_mindspore_nn(lint_source):
    source = "from mindspore import nn\nclass M(nn.Module):\n    pass\nlayers = nn.ModuleList([nn.Linear(2, 2)])\nok = nn.CellList([nn.Dense(2, 2)])\n"
    found = lint_source(source)
    assert symbols(found) == [(2, "ms-torch-name-on-mindspore"), (4, "ms-torch-name-on-mindspore")]  # nn.Linear exists in 2.10
    assert found[0].fix.applicability.value == "unsafe"  # Module -> Cell changes the training default


def test_torch_arange_becomes_ops_arange_unless_it_names_a_device(lint_source, tmp_path):
    """MindSpore's mapping table names mint.arange, which has no CPU kernel in 2.10: the fix writes ops.arange
    (tests/oracle/test_ms_facts.py), and a call passing ``device=`` gets no fix."""
    source = "import torch\nfrom mindspore import nn\nx = torch.arange(2, 9, 3)\ny = torch.arange(4, device=d)\n"
    found = lint_source(source)
    assert symbols(found) == [(3, "ms-torch-api"), (4, "ms-torch-api")]
    assert [f.fix is not None for f in found] == [True, False] and "mindspore.ops.arange" in found[0].message
    fixed, applied = apply_fixes((tmp_path / "module.py").read_text(), [f.fix for f in found if f.fix])
    assert len(applied) == 1 and "from mindspore import ops" in fixed and "x = ops.arange(2, 9, 3)" in fixed
