"""The checks against MindSpore's API surface (issue 24): names, attributes and calls on receivers that are certainly
MindSpore, through imports, aliases, hierarchy, assignments, call results and the project's other modules."""

from __future__ import annotations

from helpers import lint_file

SURFACE_SYMBOLS = {
    "ms-unknown-mindspore-name", "ms-missing-argument", "ms-tensor-as-configuration", "ms-tensor-form-in-graph",
    "ms-unexpected-argument", "ms-argument-type",
}


def _found(findings) -> set[tuple[int, str]]:
    return {(f.line, f.symbol) for f in findings if f.symbol in SURFACE_SYMBOLS}


def test_the_issue_examples(lint_source):
    source = (
        "import mindspore as ms\n"
        "from mindspore import nn, ops\n"
        "from mindspore.ops import functional as F\n"
        "ms.set_context(mode=ms.GRAPH_MODE)\n"
        "def norm(x):\n"
        "    return F.normalize(x, p=2, dim=1)\n"  # 6: no such function in ops.functional
        "class BN(nn.BatchNorm2d):\n"
        "    def construct(self, x):\n"
        "        return ops.batch_norm(x, self.moving_mean, self.moving_variance, self.weight, self.bias)\n"  # 9
        "class Net(nn.Cell):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.ln = nn.LayerNorm(64)\n"  # 13: normalized_shape must be a tuple or list
        "    def construct(self, x: ms.Tensor, v: ms.Tensor):\n"
        "        y = v.repeat(3, axis=0)\n"  # 15: no keyword axis
        "        a = ops.Tanh(x)\n"  # 16: a tensor where the configuration goes
        "        return x.transpose(-1, -2)\n"  # 17: GRAPH_MODE rejects the form
        "def pool(x: ms.Tensor):\n"
        "    return nn.AdaptiveAvgPool2d(x)\n"  # 19
    )
    findings = lint_source(source)
    assert _found(findings) == {
        (6, "ms-unknown-mindspore-name"),
        (9, "ms-unknown-mindspore-name"),
        (13, "ms-argument-type"),
        (15, "ms-unexpected-argument"),
        (16, "ms-tensor-as-configuration"),
        (17, "ms-tensor-form-in-graph"),
        (19, "ms-tensor-as-configuration"),
    }
    bn = [f.message for f in findings if f.line == 9]
    assert len(bn) == 2 and all("gamma" in message and "beta" in message for message in bn)  # weight and bias, not moving_*
    assert "mint.nn.functional.normalize" in next(f.message for f in findings if f.line == 6)


def test_other_apis_of_the_same_kinds(lint_source):
    source = (
        "import mindspore as ms\n"
        "from mindspore import nn, ops\n"
        "import mindspore.ops.functional as F2\n"
        "conv = nn.Conv1d\n"
        "class Head(nn.Cell):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.head = nn.Dense(4, 4)\n"
        "    def construct(self, x):\n"
        "        return self.head.weights\n"  # 10: did you mean weight
        "def f(x: ms.Tensor):\n"
        "    c = conv(3, 8, 3, padding_mode='same')\n"  # 12: through the alias
        "    d = nn.Dense(3)\n"  # 13: out_channels missing
        "    g = F2.softmax_cross_entropy(x)\n"  # 14: not in ops.functional
        "    h = ops.ReLU()(x, x)\n"  # 15: too many positionals
        "    o = nn.Adam(c.trainable_params(), lr=0.1)\n"  # 16: lr is learning_rate
        "    z = ops.Concat((x, x), axis=1)\n"  # 17: configuration and tensor swapped
        "    return c, d, g, h, o, z\n"
    )
    findings = lint_source(source)
    assert _found(findings) == {
        (10, "ms-unknown-mindspore-name"),
        (12, "ms-unexpected-argument"),
        (13, "ms-missing-argument"),
        (14, "ms-unknown-mindspore-name"),
        (15, "ms-unexpected-argument"),
        (16, "ms-unexpected-argument"),
        (17, "ms-tensor-as-configuration"),
    }
    assert "did you mean 'weight'" in next(f.message for f in findings if f.line == 10)


def test_uncertain_receivers_and_wider_surfaces_are_silent(lint_source):
    source = (
        "import mindspore as ms\n"
        "from mindspore import nn\n"
        "class Loose(nn.Cell):\n"
        "    def __getattr__(self, name):\n"
        "        return 1\n"
        "    def construct(self, x):\n"
        "        return self.anything\n"  # __getattr__ answers any name
        "class Wide(nn.Dense):\n"
        "    def __init__(self, *args, **kwargs):\n"
        "        super().__init__(*args, **kwargs)\n"
        "nn.Dense.weights = property(lambda self: self.weight)\n"  # the project patches MindSpore
        "def f(x: ms.Tensor, unknown):\n"
        "    a = Wide(3, 4, bias=False)\n"
        "    b = nn.Dense(3, 4).weights\n"
        "    c = unknown.repeat(3, axis=0)\n"  # not certainly a MindSpore tensor
        "    try:\n"
        "        d = ms.ops.normalize\n"  # guarded
        "    except AttributeError:\n"
        "        d = None\n"
        "    return a, b, c, d, x.transpose(-1, -2)\n"  # PyNative: no graph mode set
    )
    assert _found(lint_source(source)) == set()


def test_static_methods_and_annotated_base_classes(lint_source):
    source = (
        "import numpy as np\n"
        "import mindspore\n"
        "from mindspore import nn, Tensor\n"
        "from mindspore.dataset import text\n"
        "def init(cell: nn.Cell, p: mindspore.Tensor):\n"
        "    if isinstance(cell, nn.Dense):\n"
        "        cell.bias.set_data(cell.bias)\n"  # an annotation names a base: a Dense has a bias
        "    a = Tensor.from_numpy(np.ones(3))\n"  # a static method: no instance first
        "    v = text.Vocab.from_file('vocab.txt')\n"  # a class method
        "    return p.name, a, v, p.no_such_method()\n"  # 10: a Tensor (or a Parameter, which has a name)
        "def build():\n"
        "    return nn.Dense(2, 2,\n"
        "                    has_bias=True).weights\n"  # 13: shown short, on one line
    )
    findings = lint_source(source)
    assert _found(findings) == {(10, "ms-unknown-mindspore-name"), (13, "ms-unknown-mindspore-name")}
    assert all("\n" not in f.message for f in findings)


def test_receivers_built_in_another_module_of_the_project(tmp_path):
    package = tmp_path / "proj"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "build.py").write_text(
        "from mindspore import nn\n"
        "class Net(nn.Cell):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.fc = nn.Dense(4, 4)\n"
        "    def construct(self, x):\n"
        "        return self.fc(x)\n"
        "def build_model(cfg):\n"
        "    return Net()\n"
        "def make_optimizer(cfg, model):\n"
        "    return nn.Momentum(model.trainable_params(), learning_rate=0.1, momentum=0.9)\n"
    )
    (package / "train.py").write_text(
        "import mindspore\n"
        "from proj.build import build_model, make_optimizer\n"
        "def main(cfg):\n"
        "    model = build_model(cfg)\n"
        "    model.eval()\n"
        "    optimizer = make_optimizer(cfg, model)\n"
        "    optimizer.step()\n"
        "    for name, p in model.named_parameters():\n"
        "        print(name)\n"
        "    return model.fc.weights\n"
    )
    found = {(f.line, f.symbol) for f in lint_file(package / "train.py")}
    assert found == {
        (5, "ms-train-eval-call"),
        (7, "ms-torch-training-step"),
        (8, "ms-torch-cell-method"),
        (10, "ms-unknown-mindspore-name"),
    }


def test_a_fallback_import_for_another_version_is_silent(lint_source):
    source = (
        "try:\n"
        "    from mindspore import jit\n"
        "except ImportError:\n"
        "    from mindspore import ms_function as jit\n"
        "from mindspore import ms_class\n"
    )
    assert [(f.line, f.symbol) for f in lint_source(source)] == [(5, "ms-unknown-mindspore-name")]


def test_star_argument_names_of_tensor_methods_are_keywords(lint_source):
    source = "from mindspore import ops\n\ndef f():\n    x = ops.ones((2, 1, 3))\n    return x.squeeze(axis=1), x.reshape(shape=(3, 2)), x.squeeze(dim=1)\n"
    assert [(f.line, f.symbol) for f in lint_source(source) if f.symbol == "ms-unexpected-argument"] == [(5, "ms-unexpected-argument")]
