"""Porting rules that follow values one step away from a literal, and the Cell-structure rules."""

from __future__ import annotations

from helpers import symbols

PORTED = "import torch\nfrom mindspore import nn, ops\n"  # a file that shows it is being ported


def test_dropout_values_are_followed_to_their_source(lint_source):
    source = PORTED + (
        "a = nn.Dropout(0.7)\n"
        "b = nn.Dropout(p=1 - drop_prob)\n"
        "def block(d=0.):\n"
        "    return nn.Dropout(d)\n"
        "RATE = 0.3\n"
        "c = nn.Dropout(keep_prob=RATE)\n"
    )
    found = lint_source(source)
    assert symbols(found) == [
        (3, "ms-dropout-keep-prob"),
        (4, "ms-dropout-keep-as-rate"),
        (6, "ms-dropout-rate-as-keep-prob"),
        (8, "ms-dropout-rate-as-keep-prob"),
    ]
    at_call = next(f for f in found if f.line == 6)
    assert "line 5" in at_call.message  # the finding is at the call and names where the value came from


def test_batchnorm_momentum_through_attributes_constants_and_subclasses(lint_source):
    source = PORTED + (
        "_BN_MOM = 0.1\n"
        "class Net(nn.Cell):\n"
        "    def __init__(self, c):\n"
        "        super().__init__()\n"
        "        self.mom = 0.1\n"
        "        self.a = nn.BatchNorm2d(c, momentum=self.mom)\n"
        "        self.b = nn.BatchNorm2d(c, momentum=_BN_MOM)\n"
        "        self.c = nn.BatchNorm2d(c, momentum=0.1, use_batch_statistics=False)\n"
    )
    assert symbols(lint_source(source)) == [(8, "ms-batchnorm-momentum"), (9, "ms-batchnorm-momentum")]


def test_configuration_after_construction_changes_nothing(lint_source):
    source = PORTED + (
        "def freeze(net):\n"
        "    for c in net.cells():\n"
        "        c.momentum = 0\n"
        "class Net(nn.Cell):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.bn = nn.BatchNorm2d(4)\n"
        "        self.bn.momentum = 0.9\n"
        "        self.drop = nn.Dropout(p=0.1)\n"
        "        self.drop.p = 0.5\n"
    )
    assert symbols(lint_source(source)) == [(5, "ms-config-after-construction"), (10, "ms-config-after-construction")]


def test_defaults_that_compute_something_else_come_from_the_generated_table(lint_source):
    source = PORTED + (
        "conv = nn.Conv1d\n"
        "a = conv(8, 4, kernel_size=1, padding=0, pad_mode='pad')\n"
        "y = ops.leaky_relu(x)\n"
        "z = ops.leaky_relu(x, alpha=0.01)\n"
        "s = ops.std(x)\n"
    )
    found = lint_source(source)
    assert [(f.line, f.symbol, f.fix.edits[0].content) for f in found] == [
        (4, "ms-default-differs", ", has_bias=True"),
        (5, "ms-default-differs", ", alpha=0.01"),
        (7, "ms-default-differs", ", ddof=1"),
    ]
    assert "alpha=0.2" in found[1].message and "alpha=0.01" in found[1].message


def test_defaults_are_silent_in_native_code_and_for_unchecked_versions(lint_source):
    native = "from mindspore import nn, ops\na = nn.Conv2d(3, 8, 3)\ny = ops.leaky_relu(x)\n"
    assert lint_source(native) == []
    assert {f.symbol for f in lint_source(native, profile="migration")} == {"ms-default-differs"}
    assert lint_source(native, profile="migration", mindspore_version="2.3") == []
    forward = native + "class Net(nn.Cell):\n    def forward(self, x):\n        return x\n"  # a PyTorch idiom left in the file
    assert {f.symbol for f in lint_source(forward)} >= {"ms-default-differs"}


def test_cell_structure_mistakes(lint_source):
    source = PORTED + (
        "class Head(nn.Cell):\n"
        "    def constrcut(self, x):\n"
        "        return x\n"
        "class Net(nn.Cell):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.heads = [Head() for _ in range(4)]\n"
        "        self.w = ms.Parameter(ops.ones((2, 2)))\n"
        "        self.bn = nn.BatchNorm2d(4)\n"
        "        self.bn.requires_grad = False\n"
        "    def construct(self, x):\n"
        "        self.w = ops.softmax(self.w)\n"
        "        out = nn.Dropout(p=0.1)\n"
        "        return self.heads[0](x) * out\n"
    )
    assert symbols(lint_source("import mindspore as ms\n" + source)) == [
        (5, "ms-construct-misspelt"),
        (10, "ms-cells-not-registered"),
        (13, "ms-cell-requires-grad"),
        (15, "ms-parameter-overwritten"),
        (16, "ms-cell-built-in-construct"),
    ]


def test_right_cell_code_is_silent(lint_source):
    source = (
        "import mindspore as ms\nfrom mindspore import nn, ops\n"
        "class Net(nn.Cell):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.heads = nn.CellList([nn.Dense(2, 2) for _ in range(4)])\n"
        "        self.w = ms.Parameter(ops.ones((2, 2)))\n"
        "        self.drop = nn.Dropout(p=0.1)\n"
        "        for p in self.drop.get_parameters():\n"
        "            p.requires_grad = False\n"
        "    def construct(self, x):\n"
        "        w = ops.softmax(self.w)\n"
        "        return self.drop(self.heads[0](x) * w)\n"
    )
    assert lint_source(source) == []


def test_a_reader_of_tfrecord_beside_mindrecord_is_not_a_tensorflow_leftover(lint_source):
    source = (
        "import mindspore.dataset as ds\n"
        "from mindspore.mindrecord import FileWriter\n"
        "def convert(paths):\n"
        "    data = ds.TFRecordDataset(paths, shuffle=False)\n"
        "    writer = FileWriter('out.mindrecord')\n"
        "    return data, writer\n"
    )
    assert lint_source(source) == []


def test_a_subclass_that_drops_its_arguments(lint_source):
    source = PORTED + (
        "class BN(nn.BatchNorm2d):\n"
        "    def __init__(self, c, momentum=1e-3, eps=1e-3):\n"
        "        super().__init__(c)\n"
        "class Kept(nn.BatchNorm2d):\n"
        "    def __init__(self, c, momentum=0.9, eps=1e-3):\n"
        "        super().__init__(c, momentum=momentum, eps=eps)\n"
    )
    found = lint_source(source)
    assert symbols(found) == [(5, "ms-parameter-not-forwarded"), (5, "ms-parameter-not-forwarded")]
    assert {f.message.split("'")[1] for f in found} == {"momentum", "eps"}


def test_a_cell_class_called_with_a_tensor(lint_source):
    source = PORTED + "class Net(nn.Cell):\n    def construct(self, x):\n        return nn.ReLU(x)\n"
    assert symbols(lint_source(source)) == [(5, "ms-cell-built-in-construct"), (5, "ms-tensor-as-configuration")]


def test_values_passed_at_the_call_sites_of_the_module(lint_source):
    head = PORTED + (
        "class Head(nn.Cell):\n"
        "    def __init__(self, c, momentum):\n"
        "        super().__init__()\n"
        "        self.bn = nn.BatchNorm2d(c, momentum=momentum)\n"
    )
    found = lint_source(head + "h = Head(4, 0.1)\ng = Head(8, momentum=0.1)\n")
    assert symbols(found) == [(6, "ms-batchnorm-momentum")]
    assert "Head() is called with momentum=0.1 at line 7" in found[0].message
    assert lint_source(head + "h = Head(4, 0.1)\ng = Head(8, 0.9)\n") == []  # the call sites disagree
    assert lint_source(head + "h = Head(4, *args)\n") == []


def test_same_padding_with_a_stride_in_ported_files(lint_source):
    source = PORTED + (
        "k = 3\n"
        "a = nn.Conv2d(3, 8, k, stride=2, pad_mode='same', has_bias=True)\n"
        "b = nn.MaxPool2d(3, 2, pad_mode='same')\n"
        "c = nn.Conv2d(3, 8, 3, stride=1, pad_mode='same', has_bias=True)\n"
        "d = nn.Conv2d(3, 8, 1, stride=2, pad_mode='same', has_bias=True)\n"
        "e = nn.Conv2dTranspose(3, 8, 3, stride=2, pad_mode='same', has_bias=True)\n"
    )
    assert symbols(lint_source(source)) == [(4, "ms-same-padding-stride"), (5, "ms-same-padding-stride")]
    native = "from mindspore import nn\na = nn.Conv2d(3, 8, 3, stride=2, pad_mode='same')\n"
    assert lint_source(native) == []
    assert symbols(lint_source(native, profile="migration"), "ms-same") == [(2, "ms-same-padding-stride")]


def test_a_torch_keyword_left_in_the_call_says_what_was_meant(lint_source):
    source = PORTED + "a = nn.Conv2d(3, 8, 1, bias=False)\n"
    assert symbols(lint_source(source)) == [(3, "ms-unexpected-argument")]
