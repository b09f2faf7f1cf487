"""``# noqa`` in ``mslint check`` and in the pylint plugin, next to ``# pylint: disable=``; ms-unused-noqa (W7601)
reports unknown and unused mslint suppressions, as Ruff's RUF100 does (issue 14)."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from helpers import ROOT

from mslint.cli import main

LINE = "        return x.size(0), nn.ReLU(inplace=True)(x)"  # called: a Cell built and not called is W7234
HEAD = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def construct(self, x):\n"


@pytest.mark.parametrize(
    ("comment", "left"),
    [
        ("", {"E7203", "E7204"}),
        ("  # noqa", set()),
        ("  # noqa: E7203", {"E7204"}),
        ("  # noqa: ms-unsupported-inplace", {"E7204"}),
        ("  # NOQA:E7203,E7204", set()),
        ("  # noqa: F401", {"E7203", "E7204"}),  # another tool's code
        ("  # pylint: disable=ms-tensor-size-call  # noqa: E7203", set()),
    ],
)
def test_noqa_in_check_and_in_the_pylint_plugin(tmp_path, monkeypatch, capsys, comment, left):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "head.py").write_text(HEAD + LINE + comment + "\n", encoding="utf-8")
    main(["check", "head.py"])
    assert {line.split()[1] for line in capsys.readouterr().out.splitlines() if line.startswith("head.py:")} == left
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=mslint", "--disable=all", "--enable=mslint", "--msg-template={msg_id}", "head.py"],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    assert {line for line in result.stdout.split() if line[:1] in "EWI" and line[1:].isdigit()} == left


def test_a_noqa_inside_a_string_is_not_a_comment(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "head.py").write_text(HEAD + "        return x.size(0), '# noqa: ms-nothing'\n", encoding="utf-8")
    assert main(["check", "--extend-select", "ms-unused-noqa", "head.py"]) == 1
    assert "W7601" not in capsys.readouterr().out


def test_unknown_and_unused_suppressions_are_reported_and_fixed(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    source = HEAD + LINE + "  # noqa: E7204, E7203, ms-inplace-typo, E7210, F401\n"
    (tmp_path / "head.py").write_text(source, encoding="utf-8")
    assert main(["check", "head.py"]) == 0  # opt-in: off by default, and both findings are suppressed
    capsys.readouterr()
    assert main(["check", "--extend-select", "ms-unused-noqa", "head.py"]) == 1
    (finding,) = [line for line in capsys.readouterr().out.splitlines() if line.startswith("head.py:")]
    assert "W7601 [ms-unused-noqa]" in finding and "ms-inplace-typo (unknown rule)" in finding and "E7210 (nothing to suppress)" in finding
    assert "E7203" not in finding and "F401" not in finding
    main(["fix", "--extend-select", "ms-unused-noqa", "head.py"])
    assert (tmp_path / "head.py").read_text(encoding="utf-8") == HEAD + LINE + "  # noqa: E7204, E7203, F401\n"
    (tmp_path / "head.py").write_text(HEAD + "        return x  # noqa: E7204\n", encoding="utf-8")
    main(["fix", "--extend-select", "ms-unused-noqa", "head.py"])
    assert (tmp_path / "head.py").read_text(encoding="utf-8") == HEAD + "        return x\n"


def test_a_suppression_of_a_rule_not_run_is_reported_as_such(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "head.py").write_text(HEAD + "        return x.size(0)  # noqa: E7204\n", encoding="utf-8")
    assert main(["check", "--select", "ms-unused-noqa", "head.py"]) == 1
    assert "E7204 (rule not enabled)" in capsys.readouterr().out
