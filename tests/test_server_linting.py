"""The server's buffer linting agrees with `mslint check` and `mslint fix` on every rule's card."""

from __future__ import annotations

import os

import pytest
from helpers import CARDS, card_findings, card_options

from mslint.outputs.docs import strip_markers
from mslint.rules.catalog import all_rules
from mslint.server.linting import BufferLinter


@pytest.fixture(scope="module")
def buffers():
    linter = BufferLinter()
    yield linter
    linter.close()


def editor_settings(options: dict[str, str]) -> dict[str, str]:
    """The card's lint options as editor settings ([tool.mslint] keys)."""
    renamed = {"extend_select": "enable"}
    return {renamed.get(key, key).replace("_", "-"): value for key, value in options.items()}


def located(findings) -> list[tuple]:
    return sorted((f.symbol, f.line, f.column, f.end_line, f.end_column, f.message, f.fix) for f in findings if f.is_mslint)


@pytest.mark.parametrize("rule", all_rules(), ids=lambda rule: rule.symbol)
def test_buffer_findings_and_fix_all_equal_the_command_line(rule, buffers):
    path = CARDS / rule.symbol / "bad.py"
    text = path.read_text(encoding="utf-8")
    settings = editor_settings(card_options(rule))
    expected = card_findings(rule, "bad.py")  # `mslint check`'s run over the cards
    assert located(buffers.lint(path, text, settings)) == located(expected)

    # An unsaved buffer that differs from the file: its own findings, not the file's.
    assert located(buffers.lint(path, "import mindspore\n", settings)) == []

    # tests/test_cards.py checks that `mslint fix` turns bad.py into fixed.py (markers aside).
    fixed = buffers.fix_all(path, text, settings)
    if any(f.fix is not None and f.fix.is_applicable(False) for f in expected):
        assert strip_markers(fixed) == (CARDS / rule.symbol / "fixed.py").read_text(encoding="utf-8")
    else:
        assert fixed == text  # `mslint fix` leaves such a file alone


def test_warm_runs_keep_frameworks_out_and_see_files_change_on_disk(buffers, tmp_path):
    import astroid

    (tmp_path / "base.py").write_text("from mindspore import nn\nclass Base(nn.Cell):\n    def construct(self, x):\n        return x\n")
    model = tmp_path / "model.py"
    source = "import torch\nfrom base import Base\nclass Net(Base):\n    def forward(self, x):\n        return x\n"
    assert [f.symbol for f in buffers.lint(model, source)] == ["ms-dead-forward-override"]
    assert [name for name in astroid.MANAGER.astroid_cache if name.split(".")[0] in ("mindspore", "torch")] == []
    assert "base" in astroid.MANAGER.astroid_cache  # kept for the next run

    # The imported module changes on disk (no construct any more): the next run reads it again.
    (tmp_path / "base.py").write_text("from mindspore import nn\nclass Base(nn.Cell):\n    pass\n")
    os.utime(tmp_path / "base.py", ns=(1, 1))
    assert [f.symbol for f in buffers.lint(model, source)] == ["ms-forward-not-construct"]


def test_a_lint_pauses_the_collector_and_collect_garbage_frees_earlier_trees(tmp_path):
    """The collector is off during a buffer's lint (its collections there freed nothing) and back on after;
    ``collect_garbage`` frees the trees of earlier lints, and freezes what lives on the first time."""
    import gc
    import weakref

    from astroid import nodes

    source = "from mindspore import nn\nclass Head(nn.Cell):\n    def construct(self, x):\n        return x.size(0)\n"
    linter = BufferLinter()
    seen: list[bool] = []
    trees: dict[str, weakref.ref] = {}
    original = nodes.Module.__init__

    def spy(module, name, *args, **kwargs):
        original(module, name, *args, **kwargs)
        seen.append(gc.isenabled())
        trees[name] = weakref.ref(module)

    try:
        linter.lint(tmp_path / "warm_up.py", "import os\n")  # as the server does before the first document
        linter.collect_garbage()
        assert gc.get_freeze_count() > 0
        nodes.Module.__init__ = spy
        try:
            first = linter.lint(tmp_path / "first.py", source)
            second = linter.lint(tmp_path / "second.py", source)
        finally:
            nodes.Module.__init__ = original
        assert [f.symbol for f in first] == [f.symbol for f in second] == ["ms-tensor-size-call"]
        assert seen and not any(seen) and gc.isenabled()
        assert trees["first"]() is not None  # astroid's cycles: only a collection frees it
        linter.collect_garbage()
        assert trees["first"]() is None
    finally:
        gc.unfreeze()
        linter.close()
