"""Adopting mslint on an existing port, with the habits of Ruff users (issue 29): --add-noqa, per-file-ignores,
exclusions, stdin, --show-fixes, check --fix, --watch, prefixes in selections and noqa codes, the README's pylint
recipe, and a Ruff setup that keeps mslint's suppressions."""

from __future__ import annotations

import ast
import json
import os
import re
import select
import shutil
import subprocess
import sys
import time

import pytest
from helpers import ROOT

from mslint.cli import main
from mslint.core.codes import CODES

BAD = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def construct(self, x):\n        return x.size(0), nn.ReLU(inplace=True)(x)\n"
FIXED = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def construct(self, x):\n        return x.shape[0], nn.ReLU()(x)\n"
# A finding in a multi-line call, one on a line continued with a backslash, a multi-line string that must not get
# a comment, and a finding on a line that already has a comment for another linter.
AWKWARD = (
    "from mindspore import nn\n\n"
    "class Head(nn.Cell):\n"
    "    def construct(self, x):\n"
    '        text = x.size(3), """nn.ReLU(inplace=True)\n'
    '        x.size(0)"""\n'
    "        a = nn.ReLU(\n"
    "            inplace=True,\n"
    "        )(x)\n"
    "        b = x.size(0) + \\\n"
    "            x.size(1)\n"
    "        c = x.size(2)  # noqa: F841\n"
    "        return text, a, b, c\n"
)
HANG_GUARD = 300  # seconds: only stops a broken subprocess from hanging the suite; nothing measures time


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[tool.mslint]\n", encoding="utf-8")
    return tmp_path


def findings_of(capsys, *args: str) -> list[tuple[str, int, str]]:
    """(path, line, id) of each finding of ``mslint check --format json``."""
    main(["check", "--no-cache", "--format", "json", *args])
    return [(f["path"], f["line"], f["msg_id"]) for f in json.loads(capsys.readouterr().out)["findings"]]


def subprocess_environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "GLOG_v": "3"}


def test_add_noqa_makes_the_next_check_clean_changes_no_code_and_holds_new_code_to_the_rules(project, capsys):
    path = project / "head.py"
    path.write_text(AWKWARD, encoding="utf-8")
    assert len(findings_of(capsys, "head.py")) == 5
    assert main(["check", "--add-noqa", "--no-cache", "head.py"]) == 0
    written = path.read_text(encoding="utf-8")
    assert ast.dump(ast.parse(written)) == ast.dump(ast.parse(AWKWARD))  # the same program: comments only
    assert '"""nn.ReLU(inplace=True)\n        x.size(0)"""  # noqa: E7204\n' in written  # after the string, not in it
    assert "c = x.size(2)  # noqa: F841, E7204\n" in written  # merged with the comment there
    assert "b = x.size(0) + \\\n" in written  # no comment after a line continuation
    assert main(["check", "--no-cache", "head.py"]) == 0
    assert main(["check", "--add-noqa", "--no-cache", "head.py"]) == 0 and path.read_text(encoding="utf-8") == written  # idempotent
    capsys.readouterr()
    path.write_text(written + "\nrelu = nn.ReLU(inplace=True)\n", encoding="utf-8")
    assert findings_of(capsys, "head.py") == [("head.py", 15, "E7203")]


def test_add_noqa_writes_into_a_notebooks_cells(project, capsys):
    notebook = {
        "cells": [
            {"cell_type": "markdown", "metadata": {}, "source": ["# A port"]},
            {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": ["from mindspore import nn\n", "%matplotlib inline"]},
            {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": ["relu = nn.ReLU(inplace=True)"]},
        ],
        "metadata": {"kernelspec": {"language": "python", "name": "python3"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = project / "port.ipynb"
    path.write_text(json.dumps(notebook, indent=1) + "\n", encoding="utf-8")
    assert findings_of(capsys, "port.ipynb") == [("port.ipynb", 1, "E7203")]  # line 1 of its cell
    assert main(["check", "--add-noqa", "--no-cache", "port.ipynb"]) == 0
    notebook["cells"][2]["source"] = ["relu = nn.ReLU(inplace=True)  # noqa: E7203"]
    assert path.read_text(encoding="utf-8") == json.dumps(notebook, indent=1) + "\n"  # the JSON layout kept
    assert main(["check", "--no-cache", "port.ipynb"]) == 0


@pytest.mark.parametrize(("comment", "suppressed"), [("# noqa: e7203", True), ("# noqa: E72", True), ("# noqa: ms-unsupported-inplace", True), ("# noqa: E73", False)])
def test_noqa_codes_in_any_case_and_as_prefixes(project, capsys, comment, suppressed):
    (project / "head.py").write_text(f"from mindspore import nn\nrelu = nn.ReLU(inplace=True)  {comment}\n", encoding="utf-8")
    assert findings_of(capsys, "head.py") == ([] if suppressed else [("head.py", 2, "E7203")])


def test_one_letter_and_family_prefixes_select_rules(project, capsys):
    (project / "head.py").write_text(BAD + "\nclass Old(nn.Cell):\n    def forward(self, x):\n        return x\n", encoding="utf-8")
    every = {code for _, _, code in findings_of(capsys, "head.py")}
    assert {"E7201", "E7203", "E7204"} <= every
    assert {code for _, _, code in findings_of(capsys, "--select", "E", "head.py")} == {code for code in every if code.startswith("E")}
    assert {code for _, _, code in findings_of(capsys, "--select", "e720", "--ignore", "E7201", "head.py")} == {"E7203", "E7204"}


def test_per_file_ignores_exclusions_and_gitignore(project, capsys):
    subprocess.run(["git", "init", "-q", str(project)], check=True)
    (project / "pyproject.toml").write_text(
        '[tool.mslint]\nextend-exclude = ["generated", "legacy/old_*.py"]\n'
        '[tool.mslint.per-file-ignores]\n"tests/*" = ["E7203"]\n"scripts/*.py" = ["E"]\n',
        encoding="utf-8",
    )
    for name in ("head.py", "tests/test_head.py", "scripts/run.py", "generated/head.py", "legacy/old_head.py", "legacy/new_head.py", "venv/head.py", "build/head.py"):
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(BAD, encoding="utf-8")
    (project / ".gitignore").write_text("build/\n", encoding="utf-8")
    found = findings_of(capsys, ".")
    assert sorted({(path, code) for path, _, code in found}) == [
        ("head.py", "E7203"), ("head.py", "E7204"), ("legacy/new_head.py", "E7203"), ("legacy/new_head.py", "E7204"), ("tests/test_head.py", "E7204"),
    ]
    assert {path for path, _, _ in findings_of(capsys, "--no-respect-gitignore", "--exclude", "*_pb2.py", ".")} >= {"build/head.py", "venv/head.py"}
    assert [path for path, _, _ in findings_of(capsys, "generated/head.py")] == ["generated/head.py"] * 2  # named: checked
    assert findings_of(capsys, "--force-exclude", "generated/head.py") == []  # as pre-commit passes files


def test_stdin_with_the_settings_of_the_file_name_given(project):
    (project / "pyproject.toml").write_text('[tool.mslint.per-file-ignores]\n"tests/*" = ["E7203"]\n', encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mslint", "check", "-", "--stdin-filename", "tests/test_head.py"],
        input=BAD, capture_output=True, text=True, cwd=project, env=subprocess_environment(), timeout=HANG_GUARD,
    )
    assert result.returncode == 1, result.stderr
    assert re.findall(r"^(\S+?):\d+:\d+: (\w+)", result.stdout, re.M) == [("tests/test_head.py", "E7204")]
    assert not (project / "tests").exists()  # nothing written


def test_check_fix_is_mslint_fix_and_show_fixes_lists_them(project, capsys):
    path = project / "head.py"
    path.write_text(BAD, encoding="utf-8")
    assert main(["check", "--show-fixes", "--no-cache", "head.py"]) == 1
    listed = capsys.readouterr().out
    assert "    fix: Use .shape[0]\n" in listed and "    fix: Remove inplace=\n" in listed
    assert main(["check", "--fix", "--show-fixes", "--no-cache", "head.py"]) == 0
    assert path.read_text(encoding="utf-8") == FIXED
    assert "1 × E7203 (ms-unsupported-inplace)" in capsys.readouterr().out


def test_watch_checks_again_when_a_file_changes(project):
    path = project / "head.py"
    path.write_text(FIXED, encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "mslint", "check", "--watch", "--no-cache", "head.py"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=project, env=subprocess_environment(),
    )
    output = Output(process)
    try:
        first = output.until("Watching for file changes.")
        assert first.startswith("\x1b[H\x1b[2J") and "Found 0 findings" in first
        path.write_text(BAD, encoding="utf-8")
        second = output.until("Watching for file changes.")
        assert second.lstrip("\n").startswith("\x1b[H\x1b[2J") and "File change detected" in second and "head.py:5:17: E7204" in second
    finally:
        process.terminate()
        process.wait(timeout=HANG_GUARD)


class Output:
    """A running process's output, read as it comes (no buffer between the pipe and ``select``)."""

    def __init__(self, process: subprocess.Popen) -> None:
        self.process, self.pending = process, ""

    def until(self, marker: str) -> str:
        """The output up to and including ``marker``."""
        deadline = time.monotonic() + HANG_GUARD
        while marker not in self.pending:
            assert time.monotonic() < deadline and self.process.poll() is None, self.pending
            if select.select([self.process.stdout], [], [], 1)[0]:
                self.pending += os.read(self.process.stdout.fileno(), 65536).decode()
        taken, _, self.pending = self.pending.partition(marker)
        return taken + marker


def test_the_readmes_pylint_recipe_runs_the_default_rule_set(tmp_path):
    recipe = re.search(r"^pylint --load-plugins=mslint --disable=all --enable=mslint (\S+)", (ROOT / "README.md").read_text(encoding="utf-8"), re.M)
    assert recipe, "the README gives the recipe"
    (tmp_path / "head.py").write_text(BAD.replace("nn.ReLU(inplace=True)(x)", "nn.ReLU()(x)  # noqa: E7203"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=mslint", "--disable=all", "--enable=mslint", "head.py"],
        capture_output=True, text=True, cwd=tmp_path, env=subprocess_environment(), timeout=HANG_GUARD,
    )
    # E7204 (on by default) is reported; W7601 ms-unused-noqa (off by default) is not, though its noqa is stale
    assert re.findall(r": ([A-Z]\d{4}):", result.stdout) == ["E7204"], result.stdout + result.stderr


RUFF_EXTERNAL = re.compile(r"external = (\[.*?\])")
MSLINT_NOQA = re.compile(r"\b[EWI]7\d{3}\b")


def test_ruff_keeps_the_noqa_comments_add_noqa_writes(project, capsys):
    """With the `lint.external` setting docs/cli.md gives, `ruff check --fix` (RUF100 unused, RUF102 invalid codes)
    leaves every comment mslint wrote; without it, Ruff deletes mslint's codes."""
    ruff = shutil.which("ruff")
    assert ruff, "ruff is in the test extra"
    prefixes = json.loads(RUFF_EXTERNAL.search((ROOT / "docs" / "cli.md").read_text(encoding="utf-8")).group(1))
    assert all(code.msgid.startswith(tuple(prefixes)) for code in CODES.values())  # every mslint id is covered
    path = project / "head.py"
    path.write_text("import os\n" + AWKWARD, encoding="utf-8")
    assert main(["check", "--add-noqa", "--no-cache", "head.py"]) == 0
    written = path.read_text(encoding="utf-8")
    ruff_fix = [ruff, "check", "--no-cache", "--fix", "--select", "RUF100,RUF102,F401", "--isolated", "head.py"]
    unprotected = subprocess.run(ruff_fix, capture_output=True, text=True, cwd=project, timeout=HANG_GUARD)
    assert "# noqa: E7204" not in path.read_text(encoding="utf-8"), unprotected.stdout  # what the setting prevents
    path.write_text(written, encoding="utf-8")
    (project / "ruff.toml").write_text(f"[lint]\nselect = [\"RUF100\", \"RUF102\", \"F401\"]\nexternal = {json.dumps(prefixes)}\n", encoding="utf-8")
    protected = subprocess.run([ruff, "check", "--no-cache", "--fix", "head.py"], capture_output=True, text=True, cwd=project, timeout=HANG_GUARD)
    assert "Invalid" not in protected.stderr, protected.stderr
    kept = path.read_text(encoding="utf-8")
    assert "import os" not in kept and MSLINT_NOQA.findall(kept) == MSLINT_NOQA.findall(written)  # Ruff's fixes only
    assert main(["check", "--no-cache", "head.py"]) == 0
