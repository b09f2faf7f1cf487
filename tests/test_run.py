"""The lint run (mslint.run): settings as arguments, and nothing left behind for the next run in the process."""

from __future__ import annotations

import astroid
import pytest
from pylint.lint import Run
from pylint.reporters import CollectingReporter

from mslint.config import ConfigError
from mslint.run import LintSettings, frameworks_kept_out_of_astroid, lint

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


def test_pylint_arguments_spell_only_what_is_set():
    settings = LintSettings(target="ascend", select=("ms-a", "ms-b"), jobs=2)
    assert settings.pylint_arguments() == ["--jobs=2", "--mslint-target=ascend", "--mslint-enable=ms-a,ms-b"]
