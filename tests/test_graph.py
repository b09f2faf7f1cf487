"""GRAPH_MODE checker: scope of graph code, jit_syntax_level detection and gating, silence on NOT_FLAGGED code."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import lint_file, symbols

NOT_FLAGGED_PROBES = sorted((Path(__file__).parent / "oracle" / "not_flagged").glob("*.py"))
HEADER = "import os\nimport mindspore as ms\nfrom mindspore import nn, ops\n"
GRAPH = "ms.set_context(mode=ms.GRAPH_MODE)\n"


def graph_symbols(findings) -> list[tuple[int, str]]:
    return symbols(findings, "ms-graph")


def test_helper_reachable_from_construct_is_graph_code(lint_source):
    source = HEADER + GRAPH + (
        "def helper(x):\n"  # 5
        "    try:\n"
        "        return x\n"
        "    except ValueError:\n"
        "        return x\n"
        "def unused(x):\n"  # 10
        "    try:\n"
        "        return x\n"
        "    except ValueError:\n"
        "        return x\n"
        "class Net(nn.Cell):\n"  # 15
        "    def _inner(self, x):\n"
        "        del x\n"
        "    def construct(self, x):\n"
        "        self._inner(x)\n"
        "        return helper(x)\n"
    )
    assert graph_symbols(lint_source(source)) == [(6, "ms-graph-try-except"), (17, "ms-graph-del")]


def test_jit_function_is_graph_code_in_every_mode(lint_source):
    source = HEADER + "@ms.jit\ndef step(x):\n    del x\n    return 1\n"
    assert graph_symbols(lint_source(source)) == [(6, "ms-graph-del")]
    wrapped = HEADER + "def step(x):\n    del x\n    return 1\nfast = ms.jit(step)\n"
    assert graph_symbols(lint_source(wrapped, graph_mode="never")) == [(5, "ms-graph-del")]


def test_construct_without_graph_evidence_is_silent_under_auto(lint_source):
    source = HEADER + "class Net(nn.Cell):\n    def construct(self, x):\n        del x\n        return 1\n"
    assert graph_symbols(lint_source(source)) == []
    assert graph_symbols(lint_source(source, graph_mode="always")) == [(6, "ms-graph-del")]
    assert graph_symbols(lint_source(HEADER + GRAPH + source[len(HEADER):], graph_mode="never")) == []


def test_graph_mode_zero_is_evidence(lint_source):
    source = HEADER + "ms.set_context(mode=0)\nclass Net(nn.Cell):\n    def construct(self, x):\n        del x\n        return 1\n"
    assert graph_symbols(lint_source(source)) == [(7, "ms-graph-del")]


STRICT_ONLY = "class Net(nn.Cell):\n    def construct(self, x):\n        return x.asnumpy()\n"


def test_default_level_is_lax(lint_source):
    assert graph_symbols(lint_source(HEADER + GRAPH + STRICT_ONLY)) == []


def test_set_context_strict(lint_source):
    source = HEADER + "ms.set_context(mode=ms.GRAPH_MODE, jit_syntax_level=ms.STRICT)\n" + STRICT_ONLY
    assert graph_symbols(lint_source(source)) == [(7, "ms-graph-asnumpy")]


def test_configured_level_wins(lint_source):
    assert graph_symbols(lint_source(HEADER + GRAPH + STRICT_ONLY, jit_syntax_level="strict")) == [(7, "ms-graph-asnumpy")]


def test_fullgraph_decides_for_jit_functions(lint_source):
    strict = HEADER + "@ms.jit(fullgraph=True)\ndef f(x):\n    return x.asnumpy()\n"
    lax = HEADER + "ms.set_context(jit_syntax_level=ms.STRICT)\n@ms.jit\ndef f(x):\n    return x.asnumpy()\n"
    assert graph_symbols(lint_source(strict)) == [(6, "ms-graph-asnumpy")]
    assert graph_symbols(lint_source(lax)) == []


def test_environment_level_overrides(lint_source):
    strict = HEADER + "os.environ['MS_DEV_JIT_SYNTAX_LEVEL'] = '0'\n" + GRAPH + STRICT_ONLY
    lax = HEADER + "os.environ['MS_DEV_JIT_SYNTAX_LEVEL'] = '2'\n@ms.jit(fullgraph=True)\ndef f(x):\n    return x.asnumpy()\n"
    assert graph_symbols(lint_source(strict)) == [(8, "ms-graph-asnumpy")]
    assert graph_symbols(lint_source(lax)) == []


def test_helper_takes_the_entry_level(lint_source):
    source = HEADER + "def host(x):\n    return x.asnumpy()\n@ms.jit(fullgraph=True)\ndef f(x):\n    return host(x)\n"
    assert graph_symbols(lint_source(source)) == [(5, "ms-graph-asnumpy")]


def test_cross_module_cell_subclass(tmp_path):
    (tmp_path / "pkg").mkdir()
    (tmp_path / "pkg" / "__init__.py").write_text("")
    (tmp_path / "pkg" / "base.py").write_text("from mindspore import nn\nclass Base(nn.Cell):\n    pass\n")
    model = tmp_path / "pkg" / "model.py"
    model.write_text(
        "import mindspore as ms\nfrom pkg.base import Base\nms.set_context(mode=ms.GRAPH_MODE)\n"
        "class Net(Base):\n    def construct(self, x):\n        return {v for v in (1, 2)}\n"
    )
    assert graph_symbols(lint_file(model)) == [(6, "ms-graph-set-comprehension")]


@pytest.mark.parametrize("probe", NOT_FLAGGED_PROBES, ids=lambda path: path.stem)
@pytest.mark.parametrize("level", ["strict", "lax"])
def test_not_flagged_probes_are_silent(probe, level):
    assert graph_symbols(lint_file(probe, graph_mode="always", jit_syntax_level=level)) == []


NOT_FLAGGED_SNIPPETS = {
    "annassign": "        y: ms.Tensor = x * 2\n        return y\n",
    "slice": "        return x[slice(0, 1)]\n",
    "constant_builtins": "        a = sorted((3, 1))[0] + divmod(7, 2)[0] + complex(1, 2).imag\n        return x * a\n",
    "chained": "        if 0 < x.sum() < 10:\n            return x\n        return x * 2\n",
    "cell_kwargs": "        return nn.Softmax(axis=0)(x)\n",
    "closure_and_lambda": "        f = lambda v: v * 2\n        def g(v):\n            return f(v)\n        return g(x)\n",
    "item_float": "        return x * x.item() + float(x.sum()) + int(x.max())\n",
    "shape_arith": "        n = x.shape[0] * 2\n        return x.reshape(n // 2, -1)\n",
    "numpy_literals": "        return x + ms.Tensor(np.array([1.0, 2.0])) + ms.Tensor(x.shape[0], ms.float32)\n",
    "numpy_dtype": "        return x.astype(np.float16)\n",
    "comprehension": "        return [v * 2 for v in (x, x) if v is not None]\n",
    "local_list": "        out = []\n        out.append(x)\n        return out[0]\n",
    "rebind": "        x = x + 1\n        x += 1\n        return x\n",
    "rank_assert": "        assert ops.rank(x) == 2\n        return x\n",
    "shape_numpy": "        return x + ms.Tensor(np.zeros(x.shape), ms.float32)\n",
}


@pytest.mark.parametrize("body", NOT_FLAGGED_SNIPPETS.values(), ids=list(NOT_FLAGGED_SNIPPETS))
@pytest.mark.parametrize("level", ["strict", "lax"])
def test_not_flagged_snippets_are_silent(lint_source, body, level):
    source = HEADER + "import numpy as np\n" + GRAPH + "class Net(nn.Cell):\n    def construct(self, x):\n" + body
    assert graph_symbols(lint_source(source, jit_syntax_level=level)) == []


FROZEN_NET = HEADER + GRAPH + (
    "class Net(nn.Cell):\n"  # 5
    "    def __init__(self, fast=False):\n"
    "        super().__init__()\n"
    "        self.down = 8\n"
    "        if fast:\n"
    "            self.scale = 2.0\n"  # 10
    "        else:\n"
    "            self.scale = 3.0\n"
    "    def construct(self, x):\n"
    "        return x * self.scale / self.down\n"  # 14
)


def test_frozen_attr_silent_on_attributes_only_assigned_in_init(lint_source):
    """issue 11: assigned only in __init__, also in both branches of an if/else there."""
    assert graph_symbols(lint_source(FROZEN_NET)) == []


def test_frozen_attr_silent_when_set_before_the_first_call(lint_source):
    source = FROZEN_NET + "def main(x):\n    net = Net()\n    net.scale = 4.0\n    return net(x)\n"
    assert graph_symbols(lint_source(source)) == []


def test_frozen_attr_reports_a_change_between_calls(lint_source):
    after_call = FROZEN_NET + "def main(x):\n    net = Net()\n    net(x)\n    net.scale = 4.0\n    return net(x)\n"
    assert graph_symbols(lint_source(after_call)) == [(14, "ms-graph-frozen-attr")]
    method = FROZEN_NET + "    def speed_up(self):\n        self.scale = 4.0\n"
    assert graph_symbols(lint_source(method)) == [(14, "ms-graph-frozen-attr")]


FROZEN_GLOBAL = HEADER + GRAPH + (
    "RANK_SIZE = 1\n"  # 5
    "def set_distributed(size):\n"
    "    global RANK_SIZE\n"
    "    RANK_SIZE = size\n"
    "class Net(nn.Cell):\n"
    "    def construct(self, x):\n"  # 10
    "        return x * RANK_SIZE\n"  # 11
)


def test_frozen_global_silent_on_a_setup_function(lint_source):
    """issue 11: a global set before the first compile (set_distributed()) is not a divergence."""
    assert graph_symbols(lint_source(FROZEN_GLOBAL)) == []
    setup_first = FROZEN_GLOBAL + "def main(x):\n    set_distributed(8)\n    net = Net()\n    return net(x)\n"
    assert graph_symbols(lint_source(setup_first)) == []


def test_frozen_global_reports_a_change_after_a_graph_ran(lint_source):
    after_call = FROZEN_GLOBAL + "def main(x):\n    net = Net()\n    net(x)\n    set_distributed(8)\n    return net(x)\n"
    assert graph_symbols(lint_source(after_call)) == [(11, "ms-graph-frozen-global")]
    in_loop = FROZEN_GLOBAL + "def main(x):\n    for size in (1, 2):\n        set_distributed(size)\n"
    assert graph_symbols(lint_source(in_loop)) == [(11, "ms-graph-frozen-global")]


NEW_RULES_SILENT = HEADER + GRAPH + (
    "@ms.jit_class\n"  # 5
    "class Offset:\n"
    "    def __init__(self, value):\n"
    "        self.value = value\n"
    "class Block(nn.Cell):\n"
    "    def construct(self, x, mask=None, *, scale=1.0):\n"  # 10
    "        return x * scale\n"
    "    def bprop(self, x, mask, scale, out, dout):\n"
    "        return dout, dout\n"
    "class Net(nn.Cell):\n"
    "    def __init__(self):\n"  # 15
    "        super().__init__()\n"
    "        self.block = Block()\n"
    "        self.acts = nn.CellList([nn.ReLU(), nn.Tanh()])\n"
    "        self.device = ms.get_context('device_target')\n"
    "    def construct(self, x, y):\n"  # 20
    "        out = self.block(x)\n"
    "        out = self.block(x, y, scale=2.0)\n"
    "        for i in range(2):\n"
    "            out = self.acts[i](out)\n"
    "        helper = Offset(x.shape[0])\n"  # 25
    "    # a comment at the def's column\n"
    "        if x.sum() > 0:\n"
    "            z = x.astype(ms.float16)\n"
    "        else:\n"
    "            z = y\n"  # 30
    "        return ops.cat((out, z, y.astype(x.dtype)))\n"
)


def test_new_graph_rules_stay_silent_on_valid_code(lint_source):
    """Defaults/keywords fit construct, int index into a CellList, forbidden call in __init__, shape-only jit_class
    argument, a comment at the def's column, an unknown-dtype branch, a bprop with out and dout."""
    assert graph_symbols(lint_source(NEW_RULES_SILENT)) == []


def test_subcell_arg_count_reports_too_many_and_missing_arguments(lint_source):
    source = NEW_RULES_SILENT.replace("out = self.block(x)\n", "out = self.block()\n").replace(
        "self.block(x, y, scale=2.0)", "self.block(x, y, 1, 2)")
    assert graph_symbols(lint_source(source)) == [(21, "ms-graph-subcell-arg-count"), (22, "ms-graph-subcell-arg-count")]


def test_loop_only_var_reports_the_first_read_after_the_loop(lint_source):
    source = HEADER + GRAPH + (
        "class Net(nn.Cell):\n"
        "    def construct(self, x):\n"
        "        for row in x:\n"
        "            last = row * 2\n"
        "        return last\n"  # 9
    )
    assert graph_symbols(lint_source(source)) == [(9, "ms-graph-loop-only-var")]
    initialised = source.replace("        for row in x:\n", "        last = x\n        for row in x:\n")
    assert graph_symbols(lint_source(initialised)) == []


def test_loop_only_var_silent_when_a_later_block_binds_the_name_first(lint_source):
    """mindspore-lab/models RCNN fpn.py: `out` bound in two loops, each binding it before reading it."""
    source = HEADER + GRAPH + (
        "class Net(nn.Cell):\n"
        "    def construct(self, x):\n"
        "        outs = ()\n"
        "        for row in x:\n"
        "            out = row * 2\n"
        "            outs += (out,)\n"
        "        if len(outs) < 4:\n"
        "            for row in x:\n"
        "                out = row * 3\n"
        "                outs += (out,)\n"
        "        return outs\n"
    )
    assert graph_symbols(lint_source(source)) == []
