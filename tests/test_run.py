"""The lint run (mslint.run): settings as arguments, and nothing left behind for the next run in the process."""

from __future__ import annotations

import gc
import json
import subprocess
import sys
import tokenize
from pathlib import Path

import astroid
import pytest
from pylint.lint import Run
from pylint.reporters import CollectingReporter

from mslint.core.settings import ConfigError
from mslint.run import (
    CHUNKS_PER_JOB,
    LintSettings,
    _neighbour_groups,
    frameworks_kept_out_of_astroid,
    lint,
)
from mslint.run.collection import LINT_RUN_THRESHOLDS, fewer_collections
from mslint.run.linter import MslintRun, module_tokens, pragma_tokens

SIZE = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def construct(self, x):\n        return x.size(0)\n"
PLAIN = "import os\n"


def plain_pylint(path) -> set[str]:
    """The symbols a plain ``pylint --load-plugins=mslint`` run reports, in this process."""
    reporter = CollectingReporter()
    Run(["--load-plugins=mslint", "--score=n", str(path)], reporter=reporter, exit=False)
    return {message.symbol for message in reporter.messages}


def test_a_plain_pylint_run_after_lint_still_reports_pylints_messages(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    plain = tmp_path / "plain.py"
    plain.write_text(PLAIN, encoding="utf-8")
    before = plain_pylint(plain)
    assert {"unused-import", "missing-module-docstring"} <= before
    assert [f.symbol for f in lint([str(plain)])] == []  # mslint's run reports its rules only
    assert plain_pylint(plain) == before


def test_lint_restores_astroids_denylist():
    denylist = astroid.MANAGER.module_denylist
    with frameworks_kept_out_of_astroid():
        assert "mindspore.nn" in astroid.MANAGER.module_denylist
        with frameworks_kept_out_of_astroid():  # re-entrant: the inner block leaves the outer one in place
            pass
        assert "torch" in astroid.MANAGER.module_denylist
    assert astroid.MANAGER.module_denylist is denylist and "mindspore.nn" not in denylist


def test_a_warm_process_lints_again_and_sees_changed_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "head.py"
    path.write_text(SIZE, encoding="utf-8")
    first = lint([str(path)])
    assert [f.symbol for f in first] == ["ms-tensor-size-call"]
    assert lint([str(path)]) == first
    path.write_text(SIZE.replace("x.size(0)", "x.shape[0]"), encoding="utf-8")
    assert lint([str(path)]) == []


def test_settings_are_arguments_of_each_run(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "head.py"
    path.write_text(SIZE, encoding="utf-8")
    assert lint([str(path)], LintSettings(mindspore_version="1.10")) == []  # Tensor.size was a method before 2.0
    assert [f.symbol for f in lint([str(path)], LintSettings(ignore=("E7204",)))] == []
    assert [f.symbol for f in lint([str(path)])] == ["ms-tensor-size-call"]


@pytest.mark.parametrize("settings", [LintSettings(target="tpu"), LintSettings(select=("ms-no-such-rule",))])
def test_a_bad_setting_raises_instead_of_exiting(tmp_path, settings):
    path = tmp_path / "head.py"
    path.write_text(SIZE, encoding="utf-8")
    with pytest.raises(ConfigError):
        lint([str(path)], settings)


def test_settings_are_resolved_once_per_run(tmp_path, monkeypatch):
    """pyproject.toml is read once, and the rules see what was resolved (not a second reading of it)."""
    import mslint.core.settings as settings_module

    (tmp_path / "pyproject.toml").write_text('[tool.mslint]\ntarget = "ascend"\n', encoding="utf-8")
    (tmp_path / "head.py").write_text(SIZE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    reads = []
    read = settings_module.read_tool_table
    monkeypatch.setattr(settings_module, "read_tool_table", lambda path: reads.append(path) or read(path))
    seen = []
    from mslint.engine import context

    original = context.ModuleContext.__init__

    def recording(self, module, run_settings, *args):
        seen.append(run_settings.target)
        original(self, module, run_settings, *args)

    monkeypatch.setattr(context.ModuleContext, "__init__", recording)
    lint(["head.py"], LintSettings(jobs=1))
    assert len(reads) == 1 and seen == ["ascend"]


BASE_CELL = "from mindspore import nn\n\n\nclass Base(nn.Cell):\n    pass\n"
FORWARD_ONLY = "from {module} import Base\n\n\nclass Net{index}(Base):\n    def forward(self, x):\n        return x\n"


def test_jobs_hand_out_runs_of_files_and_report_what_one_process_reports(tmp_path):
    """With -j 2 the files are cut into more runs than processes; a finding that needs a base class from a file
    of another run (``forward`` in a subclass of a Cell) is still made, and the report is -j 1's."""
    for index in range(6):
        (tmp_path / f"base{index}.py").write_text(BASE_CELL, encoding="utf-8")
        (tmp_path / f"model{index}.py").write_text(FORWARD_ONLY.format(module=f"base{5 - index}", index=index), encoding="utf-8")
    command = [sys.executable, "-m", "mslint", "check", "--no-cache", "--format", "json"]
    serial = subprocess.run([*command, "-j", "1", str(tmp_path)], capture_output=True, text=True, timeout=300)
    parallel = subprocess.run([*command, "-j", "2", str(tmp_path)], capture_output=True, text=True, timeout=300)
    found = json.loads(serial.stdout)["findings"]
    assert sorted(Path(f["path"]).name for f in found) == [f"model{index}.py" for index in range(6)]
    assert {f["symbol"] for f in found} == {"ms-forward-not-construct"}
    assert parallel.stdout == serial.stdout and parallel.returncode == serial.returncode == 1, parallel.stderr
    assert len(_neighbour_groups([str(path) for path in sorted(tmp_path.glob("*.py"))], 2 * CHUNKS_PER_JOB)) > 2


def test_lint_collects_garbage_less_often_and_restores_the_collector(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "head.py"
    path.write_text(SIZE, encoding="utf-8")
    previous = gc.get_threshold()
    gc.set_threshold(900, 11, 12)
    try:
        assert [f.symbol for f in lint([str(path)])] == ["ms-tensor-size-call"]
        assert gc.get_threshold() == (900, 11, 12)
        with pytest.raises(RuntimeError), fewer_collections():
            assert gc.get_threshold() == LINT_RUN_THRESHOLDS
            raise RuntimeError
        assert gc.get_threshold() == (900, 11, 12)
    finally:
        gc.set_threshold(*previous)


PRAGMAS = '''"""Pragmas in every place pylint reads them."""
import os  # pylint: disable=unused-import
import sys
import json, re  # noqa
from mindspore import nn
# pylint: disable=unused-variable


class Head(nn.Cell):
    def construct(self, x):
        text = """# pylint: disable=ms-tensor-size-call
        not a comment"""
        a = x.size(0)  # pylint: disable=ms-tensor-size-call
        b = x.size(1) + \\
            x.size(2)  # pylint: disable=ms-tensor-size-call
        c = (x.size(3),
             x.size(4))  # pylint: disable=ms-tensor-size-call
        # pylint: disable-next=ms-tensor-size-call
        d = x.size(5)
        e = x.size(6)
        return a, b, c, d, e, text


# pylint: enable=unused-variable
def f():
    unused = 1  # pylint: disable=ms-tensor-size-call
'''


def _messages(run_class, path) -> list[tuple[str, int, int]]:
    reporter = CollectingReporter()
    run_class(["--load-plugins=mslint", "--score=n", "--disable=all", "--enable=mslint,unused-import,unused-variable", str(path)],
              reporter=reporter, exit=False)
    return sorted((message.symbol, message.line, message.column) for message in reporter.messages)


def test_the_light_token_list_keeps_pylints_pragmas(tmp_path, monkeypatch):
    """mslint's linter hands pylint's pragma handling only some tokens (always above LARGE_SOURCE_BYTES, here for
    every file): the messages are those of pylint's own linter, which reads them all."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "pragmas.py"
    path.write_text(PRAGMAS, encoding="utf-8")
    monkeypatch.setattr("mslint.run.linter.LARGE_SOURCE_BYTES", 0)
    with frameworks_kept_out_of_astroid():
        pylints, mslints = _messages(Run, path), _messages(MslintRun, path)
        every = module_tokens(astroid.MANAGER.ast_from_file(str(path)), every=True)
    assert mslints == pylints
    # pylint's reading: a pragma after a backslash continuation covers the line before it, one in brackets its line
    assert [(symbol, line) for symbol, line, _ in pylints] == [
        ("ms-tensor-size-call", 15), ("ms-tensor-size-call", 16), ("ms-tensor-size-call", 20),
        ("unused-import", 3), ("unused-import", 4), ("unused-import", 4), ("unused-variable", 26)]
    light = list(pragma_tokens(every))
    assert len(light) < len(every) / 2 and [t for t in light if t.type == tokenize.COMMENT] == [t for t in every if t.type == tokenize.COMMENT]
