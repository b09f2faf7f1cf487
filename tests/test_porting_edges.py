"""Porting rules on code they were not written from: aliases, hierarchies across modules, and silence."""

from __future__ import annotations

from helpers import symbols


def test_aliases_of_mindspore_nn_resolve(lint_source):
    source = (
        "import mindspore as ms\n"
        "import mindspore.nn as msnn\n"
        "from mindspore.nn import ReLU as Act\n"
        "a = ms.nn.ReLU(inplace=True)\n"
        "b = msnn.ReLU6(inplace=True)\n"
        "c = Act(inplace=True)\n"
        "d = ms.mint.nn.ReLU6(inplace=True)\n"  # mint keeps torch's inplace
    )
    assert symbols(lint_source(source)) == [(4, "ms-unsupported-inplace"), (5, "ms-unsupported-inplace"), (6, "ms-unsupported-inplace")]


def test_torch_and_compat_layers_are_not_mindspore(lint_source):
    torch_code = "import torch.nn as nn\nclass M(nn.Module):\n    def forward(self, x):\n        return x.size(0)\nr = nn.ReLU(inplace=True)\n"
    assert lint_source(torch_code) == []
    compat = "import msadapter.pytorch as torch\nimport msadapter.pytorch.nn as nn\nclass M(nn.Module):\n    def forward(self, x):\n        return x.size(0)\n"
    assert lint_source(compat) == []


def test_cell_hierarchy_across_modules(tmp_path):
    from helpers import lint_file

    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "base.py").write_text(
        "from mindspore import nn\n\nclass Base(nn.Cell):\n    def __init__(self):\n        super().__init__()\n        self.body = nn.ReLU()\n"
    )
    (package / "model.py").write_text(
        "from pkg.base import Base\n\n"
        "class Mid(Base):\n    pass\n\n"
        "class Net(Mid):\n"
        "    def __init__(self):\n        super().__init__()\n        self.head = None\n"
        "    def forward(self, x):\n        return self.bdy(self.body(x))\n"
    )
    found = symbols(lint_file(package / "model.py"))
    assert found == [(10, "ms-forward-not-construct"), (11, "ms-unknown-self-attribute")]


def test_attribute_rule_stays_silent_on_dynamic_classes(lint_source):
    dynamic = (
        "from mindspore import nn\n"
        "class A(nn.Cell):\n"
        "    def __init__(self, names):\n        super().__init__()\n"
        "        for n in names:\n            setattr(self, n, nn.ReLU())\n"
        "    def construct(self, x):\n        return self.relu(x)\n"
        "class B(nn.Cell):\n"
        "    def __init__(self):\n        super().__init__()\n"
        "    def __getattr__(self, name):\n        return 1\n"
        "    def construct(self, x):\n        return self.anything\n"
        "class Template(nn.Cell):\n"  # a base completed by subclasses (mindcv's senet.Bottleneck)
        "    def construct(self, x):\n        return self.conv1(x)\n"
        "class C(nn.Cell):\n"
        "    def __init__(self):\n        super().__init__()\n        self.register_buffer('running', None)\n"
        "    def construct(self, x):\n        return self.running, self.training, self.cells()\n"
    )
    assert lint_source(dynamic) == []


def test_forward_called_by_base_construct_is_fine(lint_source):
    source = (
        "from mindspore import nn\n"
        "class Base(nn.Cell):\n    def construct(self, x):\n        return self.forward(x)\n"
        "class Child(Base):\n    def forward(self, x):\n        return x\n"
    )
    assert lint_source(source) == []


def test_builtin_cell_base_makes_forward_dead(lint_source):
    source = "from mindspore import nn\nclass MyDense(nn.Dense):\n    def forward(self, x):\n        return x\n"
    assert symbols(lint_source(source)) == [(3, "ms-dead-forward-override")]


def test_super_naming_a_real_base_is_allowed(lint_source):
    source = (
        "from mindspore import nn\n"
        "class Base(nn.Cell):\n    def __init__(self):\n        super().__init__()\n"
        "class Child(Base):\n    def __init__(self):\n        super(Base, self).__init__()\n"
    )
    assert lint_source(source) == []


def test_size_on_objects_of_a_module_defining_size_is_not_reported(lint_source):
    source = "import mindspore\nclass Queue:\n    def size(self):\n        return 0\ndef f(q):\n    return q.size()\n"
    assert lint_source(source) == []


def test_fixes_keep_non_ascii_columns(lint_source, tmp_path):
    from mslint.cli import main

    source = "from mindspore import nn\nnom_é = nn.ReLU(inplace=True)  # café\n"
    (finding,) = lint_source(source)
    assert (finding.line, finding.column) == (2, 16)
    main(["fix", str(tmp_path / "module.py")])
    assert (tmp_path / "module.py").read_text(encoding="utf-8") == "from mindspore import nn\nnom_é = nn.ReLU()  # café\n"


def test_lint_never_loads_mindspore_or_torch_sources(lint_source):
    import astroid

    lint_source("import mindspore as ms\nimport torch\nfrom mindspore import nn\nclass A(nn.Cell):\n    def __init__(self):\n        super().__init__()\n        self.d = nn.Dense(2, 2)\n        self.t = torch.zeros(1)\n")
    loaded = [name for name in astroid.MANAGER.astroid_cache if name.split(".")[0] in ("mindspore", "torch")]
    assert loaded == []


def _receiver_findings(findings, *rules):
    return sorted((f.line, f.symbol, f.confidence) for f in findings if f.symbol in rules)


def test_repeat_reported_only_off_ascend_and_on_mindspore_receivers(lint_source):
    source = (
        "import numpy as np\n"
        "from mindspore import Tensor, ops\n"
        "def f(y):\n"
        "    x = Tensor(np.ones((2, 3), np.float32))\n"
        "    a = x.repeat(2, 2)\n"
        "    b = ops.eye(3).repeat(1, 2)\n"
        "    c = np.arange(3).reshape(3, 1).repeat(2, 1)\n"
        "    d = y.repeat(2)\n"
        "    return a, b, c, d\n"
    )
    repeat = "ms-tensor-repeat-off-ascend"
    assert _receiver_findings(lint_source(source, target="cpu"), repeat) == [(5, repeat, "HIGH"), (6, repeat, "HIGH"), (8, repeat, "INFERENCE")]
    assert _receiver_findings(lint_source(source, target="ascend"), repeat) == []
    assert _receiver_findings(lint_source(source, target="none"), repeat) == []
    detected = source + "import mindspore\nmindspore.set_device('GPU')\n"
    assert len(_receiver_findings(lint_source(detected), repeat)) == 3


def test_device_methods_respect_receivers(lint_source):
    source = (
        "import numpy as np\n"
        "import mindspore as ms\n"
        "from mindspore import Tensor, nn\n"
        "def f(y, z):\n"
        "    net = nn.Dense(2, 2)\n"
        "    net.cuda()\n"
        "    x = Tensor(np.ones((2, 2), np.float32))\n"
        "    x.to('cpu')\n"
        "    x.to(ms.float16)\n"
        "    x.to('cuda:0')\n"
        "    y.cpu()\n"
        "    z.to(y)\n"
        "    np.ones(2).detach()\n"
        "    net.detach()\n"
    )
    rule = "ms-torch-device-method"
    assert _receiver_findings(lint_source(source), rule) == [(6, rule, "HIGH"), (10, rule, "HIGH"), (11, rule, "INFERENCE")]
    mixed = "import torch\n" + source
    assert _receiver_findings(lint_source(mixed), rule) == [(7, rule, "HIGH"), (11, rule, "HIGH")]


def test_torch_style_transpose_is_caught_by_the_argument_rule(lint_source):
    source = "import numpy as np\nfrom mindspore import Tensor, ops\nx = ops.transpose(Tensor(np.ones((2, 3), np.float32)), 0, 1)\n"
    assert [f.symbol for f in lint_source(source)] == ["ms-unexpected-argument"]


def _marked(finding) -> str:
    """The text a finding's range covers (single-line ranges)."""
    from mslint.outputs.findings import source_of

    assert finding.line == finding.end_line
    return source_of(finding.abspath).line_text(finding.line)[finding.column : finding.end_column]


def test_ranges_mark_the_offending_token_even_after_non_ascii_text(lint_source):
    source = (
        "from mindspore import nn\n\n"
        "class Blöck(nn.Cell):\n"
        "    @staticmethod\n"
        "    def helper():\n"
        "        return 'é'\n\n"
        "    def forward(self, x):  # 'ü'\n"
        "        s = '😀'; n = x.size(0)\n"
        "        return x.size (0) + x . size()\n"
    )
    found = {(f.symbol, f.line, _marked(f)) for f in lint_source(source)}
    assert found == {
        ("ms-forward-not-construct", 8, "forward"),
        ("ms-tensor-size-call", 9, ".size"),
        ("ms-tensor-size-call", 10, ".size"),
        ("ms-tensor-size-call", 10, "size"),
    }


def test_dead_forward_override_marks_the_method_name(lint_source):
    source = "from mindspore import nn\nclass Base(nn.Cell):\n    def construct(self, x):\n        return x\nclass Sub(Base):\n    def forward(self, x):\n        return x\n"
    (finding,) = lint_source(source)
    assert (finding.symbol, finding.line, _marked(finding)) == ("ms-dead-forward-override", 6, "forward")
