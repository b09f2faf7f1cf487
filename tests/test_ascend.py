"""Ascend and ops rules: the target gate, target detection, version gating and metadata-driven checks."""

from __future__ import annotations

import pytest
from helpers import CARDS, ROOT

from mslint.rules.catalog import all_rules
from mslint.run import LintSettings, lint

ASCEND_SYMBOLS = {rule.symbol for rule in all_rules() if rule.targets == frozenset({"ascend"})}
ALL_ASCEND = tuple(sorted(ASCEND_SYMBOLS))
CARD_FILES = sorted(CARDS.glob("*/*.py")) + sorted((ROOT / "tests" / "fixtures").rglob("*.py"))
HEADER = "import numpy as np\nimport mindspore as ms\nfrom mindspore import Tensor, nn, ops\n"
FLOAT64_MM = "x = Tensor(np.random.randn(2, 2))\ny = ops.mm(x, x)\n"


@pytest.mark.parametrize("target", ["none", "cpu", "gpu"])
def test_no_ascend_finding_on_any_card_or_fixture_off_ascend(target):
    findings = lint([str(path) for path in CARD_FILES], LintSettings(target=target, extend_select=ALL_ASCEND))
    assert [(f.path, f.symbol) for f in findings if f.symbol in ASCEND_SYMBOLS] == []


@pytest.mark.parametrize(
    "context, expected",
    [
        ('ms.set_context(device_target="Ascend")\n', True),
        ('ms.set_device("Ascend")\n', True),
        ('ms.set_device(device_target="Ascend")\n', True),
        ('from mindspore import context\ncontext.set_context(mode=context.GRAPH_MODE, device_target="Ascend")\n', True),
        ('ms.set_context(device_target="CPU")\n', False),
        ("ms.set_context(device_target=args.device)\n", False),
        ('ms.set_context(device_target="Ascend")\nms.set_context(device_target="GPU")\n', False),
        ("", False),
    ],
)
def test_target_is_detected_per_module_when_auto(lint_source, context, expected):
    findings = lint_source(HEADER + context + FLOAT64_MM)
    assert bool([f for f in findings if f.symbol == "ms-ascend-unsupported-dtype"]) is expected


def test_configured_target_wins_over_detection(lint_source):
    source = HEADER + 'ms.set_context(device_target="Ascend")\n' + FLOAT64_MM
    assert not lint_source(source, target="cpu")
    assert {f.symbol for f in lint_source(HEADER + FLOAT64_MM, target="ascend")} == {"ms-ascend-unsupported-dtype"}


def test_no_kernel_rule_follows_the_detected_device(lint_source):
    source = HEADER + 'ms.set_context(device_target="CPU")\nz = ops.einsum("ii->i", Tensor(np.eye(2)))\n'
    findings = lint_source(source)
    assert [f.symbol for f in findings] == ["ms-op-no-kernel-on-target"]
    assert "no CPU kernel" in findings[0].message and "mint" not in findings[0].message  # mint.einsum is Ascend-only


@pytest.mark.parametrize(
    "version, reported", [("2.9", False), ("2.10", True), ("2.10.1", True)]
)
def test_deprecation_is_gated_by_the_version_it_starts_in(lint_source, version, reported):
    findings = lint_source(HEADER + "r = ops.UniformReal()\n", mindspore_version=version)
    assert bool([f for f in findings if f.symbol == "ms-op-deprecated"]) is reported


def test_deprecation_without_version_is_only_announced(lint_source):
    source = HEADER + "pad = nn.Pad(paddings=((1, 1),))\n"
    assert lint_source(source) == []
    assert [f.symbol for f in lint_source(source, select="ms-op-change-announced")] == ["ms-op-change-announced"]


def test_idiomatic_layers_are_not_flooded(lint_source):
    source = HEADER + (
        "class Net(nn.Cell):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.conv = nn.Conv2d(3, 8, 3)\n"
        "        self.dense = nn.Dense(8, 2)\n"
        "        self.cat = ops.Concat(axis=1)\n"
        "        self.pool = nn.MaxPool2d(2, 2)\n"
        "        self.drop = nn.Dropout(p=0.1)\n"
    )
    assert lint_source(source, target="ascend") == []


def test_primitive_aliases_resolve(lint_source):
    source = "from mindspore.ops import operations as P\neinsum = P.Einsum('ij->ji')\n"
    findings = lint_source(source, target="ascend")
    assert [(f.symbol, f.line) for f in findings] == [("ms-op-no-kernel-on-target", 2)]
    assert "'ops.Einsum'" in findings[0].message and findings[0].fix is None  # no mint primitive to suggest


def test_no_kernel_fix_is_unsafe_only_for_compatible_alternatives(lint_source):
    source = "from mindspore import mint, ops\na = ops.einsum('ii->i', x)\nb = ops.median(x)\n"
    fixes = {f.line: f.fix for f in lint_source(source, target="ascend")}
    assert fixes[2].applicability.value == "unsafe" and fixes[2].edits[0].content == "mint.einsum"
    assert fixes[3].applicability.value == "display-only"  # mint.median takes dim/keepdim, not axis/keepdims


def test_self_bound_primitive_gets_dtype_checked(lint_source):
    source = HEADER + (
        "class Net(nn.Cell):\n"
        "    def __init__(self):\n"
        "        super().__init__()\n"
        "        self.matmul = ops.MatMul()\n"
        "    def construct(self, x):\n"
        "        w = x.astype(ms.float64)\n"
        "        return self.matmul(w, w.astype(ms.float32))\n"
    )
    findings = lint_source(source, target="ascend")
    assert [(f.symbol, f.line, f.column) for f in findings] == [("ms-ascend-unsupported-dtype", 10, 27)]


def test_tensor_methods_need_a_certain_receiver(lint_source):
    known = HEADER + "x = Tensor(np.ones(3)).astype(ms.int64)\ny = x.cumsum(0)\n"
    unknown = HEADER + "def f(x):\n    return x.cumsum(0)\n"
    assert [f.symbol for f in lint_source(known, target="ascend")] == ["ms-ascend-unsupported-dtype"]
    assert lint_source(unknown, target="ascend") == []


def test_depthwise_and_unknown_groups_are_silent(lint_source):
    source = HEADER + "a = nn.Conv2d(8, 8, 3, group=8)\nb = nn.Conv2d(c, c, 3, group=c)\nc3 = nn.Conv3d(4, 4, 3, group=2)\n"
    findings = lint_source(source, target="ascend")
    assert [(f.symbol, f.line) for f in findings] == [("ms-ascend-op-constraint", 6)]
    assert "group=2" in findings[0].message


def test_dynamic_shape_needs_graph_code(lint_source):
    body = "class Net(nn.Cell):\n    def construct(self, x):\n        return ops.unique(x)\n"
    assert lint_source(HEADER + body, target="ascend") == []
    graph = HEADER + "ms.set_context(mode=ms.GRAPH_MODE)\n" + body
    assert [f.symbol for f in lint_source(graph, target="ascend")] == ["ms-ascend-dynamic-shape-in-graph"]


def test_concat_limit_counts_literal_inputs(lint_source):
    source = HEADER + "a = ops.concat([x] * 191)\nb = ops.Concat()(tuple([x] * 192))\nc = ops.Concat()([x] * 192)\n"
    findings = lint_source(source, target="ascend")
    assert [(f.symbol, f.line) for f in findings] == [("ms-ascend-op-constraint", 6)]


def test_cards_do_report_for_ascend():
    findings = lint([str(CARDS / symbol / "bad.py") for symbol in sorted(ASCEND_SYMBOLS)], LintSettings(target="ascend", extend_select=ALL_ASCEND))
    assert {f.symbol for f in findings} == ASCEND_SYMBOLS


def test_complex_tensor_is_reported_unless_the_op_documents_complex_on_ascend(lint_source):
    source = HEADER + "z = Tensor(np.ones(4)).astype(ms.complex64)\na = ops.abs(z)\nb = ops.fft(z)\nc = ops.abs(Tensor(np.ones(4)))\n"
    findings = lint_source(source, target="ascend")
    assert [(f.symbol, f.line) for f in findings] == [("ms-ascend-complex-dtype", 5)]
    assert "MSAdapter" in findings[0].message


@pytest.mark.parametrize(
    "body, expected",
    [
        ("x = ops.matmul(ops.ones((1, 1, 1, 1, 1, 1, 2, 2)), w)\n", [4]),  # rank 8
        ("x = ops.matmul(np.random.randn(1, 1, 1, 1, 1, 1, 2).reshape(1, 1, 1, 1, 1, 1, 1, 2), w)\n", [4]),
        ("x = ops.matmul(ops.reshape(w, (1, 1, 1, 1, 1, 2, 2)), w)\n", [4]),
        ("y = nn.PixelShuffle(2)(ops.zeros((1, 1, 1, 1, 1, 4, 2, 2)))\n", [4]),
        ("x = ops.matmul(ops.ones((2, 2, 2, 2, 2, 2)), w)\ny = nn.PixelShuffle(2)(ops.zeros((1, 4, 2, 2)))\n", []),
        ("x = ops.matmul(ops.ones(shape), w)\ny = ops.matmul(w.reshape(*dims), w)\n", []),  # no literal shape: silent
    ],
)
def test_rank_limits_use_literal_shapes_only(lint_source, body, expected):
    findings = lint_source(HEADER + body, target="ascend")
    assert [f.line for f in findings if f.symbol == "ms-ascend-op-constraint"] == expected


COMPARE = "import numpy as np\nimport mindspore as ms\nimport torch\n%sok = np.testing.assert_allclose(a, b)\n"


@pytest.mark.parametrize(
    "prefix, reported",
    [
        ("", True),
        ("ms.set_deterministic(True)\n", False),
        ('ms.set_context(deterministic="ON")\n', False),
        ("ms.set_deterministic(False)\n", True),
        ('ms.set_context(deterministic="OFF")\n', True),
    ],
)
def test_comparison_with_torch_needs_deterministic(lint_source, prefix, reported):
    findings = lint_source(COMPARE % prefix, target="ascend")
    assert bool([f for f in findings if f.symbol == "ms-ascend-compare-without-deterministic"]) is reported


def test_comparison_needs_both_frameworks(lint_source):
    source = "import numpy as np\nimport mindspore as ms\nok = np.allclose(a, b)\n"
    assert lint_source(source, target="ascend") == []


@pytest.mark.parametrize(
    "context, reported",
    [
        ('ms.set_context(device_target="Ascend")\n', True),
        ('ms.set_device("Ascend")\n', True),
        ('ms.set_context(device_target="Ascend", ascend_config={"precision_mode": "must_keep_origin_dtype"})\n', False),
        ('ms.set_context(device_target="Ascend", ascend_config=config)\n', False),  # not a literal: assume set
        ('ms.set_context(device_target="Ascend", ascend_config={"jit_compile": True})\n', True),
        ('ms.set_device("Ascend")\nms.device_context.ascend.op_precision.precision_mode("allow_fp32_to_fp16")\n', False),
        ('ms.set_context(device_target="CPU")\n', False),
    ],
)
def test_precision_mode_is_reported_once_at_the_ascend_context_call(lint_source, context, reported):
    source = "import mindspore as ms\n" + context + 'ms.set_context(device_target="Ascend")\n' * reported
    findings = lint_source(source, select="ms-ascend-precision-mode-default")
    assert [f.line for f in findings] == ([2] if reported else [])


def test_dynamic_shape_uses_the_graph_code_detector_of_the_graph_rules(lint_source):
    """--graph-mode is honoured and helpers called from graph code are graph code too."""
    body = (
        "def pick(x):\n    return ops.unique(x)\n\n\nclass Net(nn.Cell):\n    def construct(self, x):\n"
        "        return pick(x)\n"
    )
    assert lint_source(HEADER + body, target="ascend") == []
    found = lint_source(HEADER + body, target="ascend", graph_mode="always")
    assert [(f.symbol, f.line) for f in found] == [("ms-ascend-dynamic-shape-in-graph", HEADER.count("\n") + 2)]
    jit = HEADER + "ms.set_context(mode=ms.GRAPH_MODE)\n" + body
    assert lint_source(jit, target="ascend", graph_mode="never") == []


# --- conditions from the classified docstring statements (mslint/knowledge/data/ascend_classification.toml) ---

FUNC = "def f(x, w, g, cond):\n"


@pytest.mark.parametrize(
    "body, reported",
    [
        ("    y = x.astype(ms.float64)\n    return ops.matmul(y, w)\n", True),
        ("    x = x.astype(ms.float64)\n    return ops.matmul(x, w)\n", True),  # straight-line reassignment
        ("    y = ops.ones((2, 2), ms.float64) * 2.0\n    return ops.matmul(y, w)\n", True),
        ("    y = mint.zeros((2, 2), dtype=ms.float64)\n    return mint.matmul(y, w)\n", True),
        ("    if cond:\n        x = x.astype(ms.float64)\n    return ops.matmul(x, w)\n", False),  # maybe float64
        ("    for _ in w:\n        y = ops.matmul(x, w)\n        x = x.astype(ms.float64)\n", False),
        ("    y = x.astype(ms.float32)\n    return ops.matmul(y, w)\n", False),
    ],
)
def test_float64_flowing_into_matmul(lint_source, body, reported):
    findings = lint_source(HEADER + "from mindspore import mint\n" + FUNC + body, target="ascend")
    dtype = [f for f in findings if f.symbol == "ms-ascend-unsupported-dtype"]
    assert bool(dtype) is reported
    if reported:  # the MatMul statement, extended to ops.matmul/mint.matmul with its reason
        assert 'ops.MatMul: "On Ascend, float64 doesn\'t be supported."' in dtype[0].message
        assert "MatMulExt" in dtype[0].message


@pytest.mark.parametrize(
    "call, reported",
    [
        ("nn.Conv2d(16, 32, 3, group=4)", True),
        ("nn.Conv2d(64, 64, 3, group=4)", True),
        ("nn.Conv2d(c, c * 2, 3, group=4)", True),  # out = 2 * in: never both equal to group
        ("nn.Conv2d(c, c, 3, group=4)", False),  # depthwise when c == 4
        ("nn.Conv2d(c, c * 2, 3, group=g)", False),
        ("nn.Conv2d(8, 8, 3, group=8)", False),
        ("nn.Conv1dTranspose(8, 8, 3, group=2)", True),
        ("ops.Conv3D(8, 3, group=2)", True),
    ],
)
def test_group_convolution_conditions(lint_source, call, reported):
    findings = lint_source(HEADER + f"def make(c, g):\n    return {call}\n", target="ascend")
    assert [f.symbol for f in findings] == (["ms-ascend-op-constraint"] if reported else [])
    assert not findings or "Source: " in findings[0].message and '"' in findings[0].message


@pytest.mark.parametrize(
    "line, problem",
    [
        ("nn.GRU(8, 20)", "hidden_size=20"),
        ("nn.GRU(8, hidden_size=20)", "hidden_size=20"),
        ("nn.KLDivLoss()", "reduction='mean'"),  # judged by its documented default
        ("ops.pad(x, (1, 1), mode='circular')", "mode='circular'"),
        ("ops.transpose(x, (0, -1, 1))", "negative value in dims"),
        ("ops.sort(x, axis=0)", "axis=0"),
        ("nn.ConstantPad2d((-1, 1, 0, 0), 0.0)", "negative value in padding"),
        ("ops.tile(x, (2, 2, 2, 2, 2, 1))", "repeating 5 dims"),
        ("ops.CTCGreedyDecoder(merge_repeated=False)", "merge_repeated=False"),
        ("ops.LayerNorm(begin_norm_axis=-1, begin_params_axis=1)", "begin_params_axis=1"),
    ],
)
def test_argument_conditions(lint_source, line, problem):
    findings = lint_source(HEADER + f"def make(x):\n    return {line}\n", target="ascend")
    assert [f.symbol for f in findings] == ["ms-ascend-op-constraint"]
    assert problem in findings[0].message


@pytest.mark.parametrize(
    "line",
    ["nn.GRU(8, 32)", "nn.KLDivLoss(reduction='sum')", "ops.pad(x, (1, 1))", "ops.sort(x)", "ops.transpose(x, (0, 2, 1))",
     "ops.tile(x, (2, 2, 1))", "ops.LayerNorm(begin_norm_axis=-1, begin_params_axis=-1)", "nn.GRU(8, h)"],
)
def test_argument_conditions_are_silent_when_met_or_unknown(lint_source, line):
    assert lint_source(HEADER + f"def make(x, h):\n    return {line}\n", target="ascend") == []


def test_statement_conditions_need_the_ascend_target(lint_source):
    source = HEADER + "a = nn.Conv2d(16, 32, 3, group=4)\nb = nn.GRU(8, 20)\nc = ops.matmul(Tensor(np.ones(2)), w)\n"
    assert len(lint_source(source, target="ascend")) == 3
    for target in ("cpu", "gpu", "none"):
        assert lint_source(source, target=target) == []


@pytest.mark.parametrize(
    "call, reported",
    [("ops.dropout(x, p=0.1, seed=5)", True), ("ops.StandardNormal(seed=s)", True), ("ops.Dropout(0.9, Seed0=1)", True),
     ("ops.dropout(x, p=0.1, seed=0)", False), ("ops.Dropout(0.9, Seed0=0, Seed1=0)", False), ("ops.dropout(x, seed=None)", False)],
)
def test_seed_is_reported_only_when_set(lint_source, call, reported):
    findings = lint_source(HEADER + f"def f(x, s):\n    return {call}\n", target="ascend")
    assert [f.symbol for f in findings] == (["ms-ascend-random-seed-ignored"] if reported else [])
