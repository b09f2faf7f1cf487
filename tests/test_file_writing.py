"""Fixes on real file systems and the errors a run meets (issue 14): links, owner and mode kept, read-only
files and folders reported, no stale edits, repository-relative SARIF URIs, and every problem reported with
the other files still checked."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from helpers import CARDS, ROOT

import mslint.run.fix
from mslint.cli import main
from mslint.rules.catalog import all_rules

BAD = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def construct(self, x):\n        return x.size(0), nn.ReLU(inplace=True)(x)\n"
FIXED = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def construct(self, x):\n        return x.shape[0], nn.ReLU()(x)\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _mslint(*arguments: str, cwd: Path, timeout: int = 300) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "mslint", *arguments], cwd=cwd, env=environment, capture_output=True, text=True, timeout=timeout)


def test_a_symlink_is_written_through_to_its_target(folder):
    (folder / "real.py").write_text(BAD, encoding="utf-8")
    (folder / "link.py").symlink_to("real.py")
    assert main(["fix", "link.py"]) == 0
    assert (folder / "link.py").is_symlink() and os.readlink(folder / "link.py") == "real.py"
    assert (folder / "real.py").read_text(encoding="utf-8") == FIXED


def test_hard_links_owner_and_mode_are_kept(folder):
    (folder / "a.py").write_text(BAD, encoding="utf-8")
    os.link(folder / "a.py", folder / "b.py")
    (folder / "c.py").write_text(BAD, encoding="utf-8")
    (folder / "c.py").chmod(0o640)
    if os.getuid() == 0:
        os.chown(folder / "c.py", 4321, 4321)
    assert main(["fix", "a.py", "c.py"]) == 0
    assert os.path.samefile(folder / "a.py", folder / "b.py") and (folder / "b.py").read_text(encoding="utf-8") == FIXED
    status = (folder / "c.py").stat()
    assert (folder / "c.py").read_text(encoding="utf-8") == FIXED and stat.S_IMODE(status.st_mode) == 0o640
    if os.getuid() == 0:
        assert (status.st_uid, status.st_gid) == (4321, 4321)


def test_read_only_files_and_folders_are_reported_and_the_run_goes_on(folder, capsys):
    (folder / "locked").mkdir()
    (folder / "locked" / "a.py").write_text(BAD, encoding="utf-8")
    (folder / "ro.py").write_text(BAD, encoding="utf-8")
    (folder / "ro.py").chmod(0o444)
    (folder / "ok.py").write_text(BAD, encoding="utf-8")
    (folder / "locked").chmod(0o555)
    try:
        assert main(["fix", "."]) == 2  # files that could not be written: an I/O error
    finally:
        (folder / "locked").chmod(0o755)
    err = capsys.readouterr().err
    assert "locked/a.py: not fixed: its folder is read-only" in err and "ro.py: not fixed: the file is read-only" in err
    assert (folder / "ok.py").read_text(encoding="utf-8") == FIXED
    assert (folder / "ro.py").read_text(encoding="utf-8") == BAD == (folder / "locked" / "a.py").read_text(encoding="utf-8")


def test_a_file_changed_between_lint_and_write_gets_no_stale_edits(folder, monkeypatch, capsys):
    (folder / "head.py").write_text(BAD, encoding="utf-8")
    edited = "# a line the user added meanwhile\n" + BAD
    real_lint = mslint.run.fix.lint

    def lint_then_edit(paths, settings, **options):
        findings = real_lint(paths, settings, **options)
        (folder / "head.py").write_text(edited, encoding="utf-8")
        return findings

    monkeypatch.setattr(mslint.run.fix, "lint", lint_then_edit)
    assert main(["fix", "head.py"]) == 2
    assert (folder / "head.py").read_text(encoding="utf-8") == edited
    assert "head.py: not fixed: it changed while mslint was linting it" in capsys.readouterr().err


def test_sarif_uris_are_relative_to_the_repository_root(folder, capsys):
    (folder / ".git").mkdir()
    for name in ("src/a.py", "other/b.py"):
        (folder / name).parent.mkdir()
        (folder / name).write_text(BAD, encoding="utf-8")
    os.chdir(folder / "src")
    main(["check", "--output-format", "sarif", ".", "../other"])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    uris = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in run["results"]}
    assert uris == {"src/a.py", "other/b.py"} and run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == folder.resolve().as_uri() + "/"
    main(["check", "--output-format", "sarif", "--project-root", "..", "."])
    run = json.loads(capsys.readouterr().out)["runs"][0]
    assert {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in run["results"]} == {"src/a.py"}


def test_a_missing_path_is_reported_and_the_others_are_checked(folder, capsys):
    (folder / "head.py").write_text(BAD, encoding="utf-8")
    assert main(["check", "missing.py", "head.py"]) == 2
    captured = capsys.readouterr()
    assert "no such file or folder: missing.py" in captured.err and "head.py:5:17: E7204" in captured.out


def test_fifos_in_a_folder_are_skipped_with_a_message(folder):
    (folder / "pkg").mkdir()
    (folder / "pkg" / "head.py").write_text(BAD, encoding="utf-8")
    os.mkfifo(folder / "pkg" / "pipe.py")
    result = _mslint("check", "pkg", cwd=folder, timeout=120)
    assert result.returncode == 1 and "pkg/pipe.py: not checked: not a regular file" in result.stdout
    assert "pkg/head.py:5:17: E7204" in result.stdout


def test_a_bad_output_path_fails_before_linting(folder, monkeypatch, capsys):
    (folder / "head.py").write_text(BAD, encoding="utf-8")
    monkeypatch.setattr("mslint.cli.lint", lambda *args: pytest.fail("linted before checking --output"))
    assert main(["check", "head.py", "--output", "missing/report.sarif", "--format", "sarif"]) == 2
    assert "folder missing does not exist" in capsys.readouterr().err
    (folder / "out").mkdir()
    assert main(["check", "head.py", "--output", "out"]) == 2
    assert "is a folder" in capsys.readouterr().err


def test_output_piped_into_head_ends_quietly(folder):
    body = "".join(f"        a{i} = x.size({i})\n" for i in range(800))
    (folder / "big.py").write_text("from mindspore import nn\n\nclass H(nn.Cell):\n    def construct(self, x):\n" + body, encoding="utf-8")
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        f"{sys.executable} -m mslint check big.py | head -1", shell=True, cwd=folder, env=environment, capture_output=True, text=True, timeout=300
    )
    assert result.stdout.startswith("big.py:5:") and len(result.stdout.splitlines()) == 1
    assert "Traceback" not in result.stderr and "BrokenPipeError" not in result.stderr and result.stderr == ""


def test_fix_exits_non_zero_when_a_file_could_not_be_checked(folder, capsys):
    (folder / "syntax.py").write_text("def f(:\n", encoding="utf-8")
    (folder / "head.py").write_text(BAD, encoding="utf-8")
    assert main(["fix", "."]) == 1
    assert (folder / "head.py").read_text(encoding="utf-8") == FIXED
    assert "syntax.py:1:" in capsys.readouterr().out


def _generated(folder: Path) -> None:
    """Files made by combining the bad examples of the fixable cards: each alone, in pairs and in threes."""
    bad = [(CARDS / rule.symbol / "bad.py").read_text(encoding="utf-8") for rule in all_rules() if rule.fix is not None and (CARDS / rule.symbol / "fixed.py").is_file()]
    nested = "from mindspore import nn\n\nclass H(nn.Cell):\n    def construct(self, x):\n        return x.size(x.size(0))\n"
    (folder / "nested.py").write_text(nested, encoding="utf-8")  # needs two passes
    for index, text in enumerate(bad):
        (folder / f"card_{index}.py").write_text(text, encoding="utf-8")
        for step in (1, 7):
            (folder / f"pair_{index}_{step}.py").write_text(text + "\n\n" + bad[(index + step) % len(bad)], encoding="utf-8")
        (folder / f"three_{index}.py").write_text("\n\n".join(bad[(index + step) % len(bad)] for step in (0, 2, 5)), encoding="utf-8")


def test_diff_shows_every_pass_and_equals_what_fix_writes(folder, capsys):
    project = folder / "generated"
    project.mkdir()
    _generated(project)
    originals = {path: path.read_text(encoding="utf-8") for path in project.iterdir()}
    assert main(["fix", "--diff", "--unsafe-fixes", "generated"]) == 1
    captured = capsys.readouterr()
    shown = captured.out
    would = int(captured.err.split("Would fix ")[1].split()[0])
    assert all(path.read_text(encoding="utf-8") == text for path, text in originals.items())  # nothing written
    main(["fix", "--unsafe-fixes", "generated"])
    fixed = int(capsys.readouterr().out.splitlines()[-1].split()[1])
    import difflib

    expected = "".join(
        "".join(difflib.unified_diff(originals[path].splitlines(keepends=True), path.read_text(encoding="utf-8").splitlines(keepends=True), f"a/generated/{path.name}", f"b/generated/{path.name}"))
        for path in sorted(originals)
    )
    assert "+        return x.shape[x.shape[0]]" in shown  # the second pass too
    assert len(originals) > 80 and shown == expected and would == fixed > len(originals) // 2


def test_links_are_named_for_what_they_are_and_the_run_goes_on(folder, capsys):
    (folder / "head.py").write_text(BAD, encoding="utf-8")
    os.symlink("loop_b.py", folder / "loop_a.py")
    os.symlink("loop_a.py", folder / "loop_b.py")
    os.symlink("missing.py", folder / "dangling.py")
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert "loop_a.py:1:1: F0001 [fatal] loop_a.py: not checked: a symbolic link loop" in out
    assert "dangling.py: not checked: a dangling symbolic link (to missing.py, which does not exist)" in out
    assert "head.py:5:17: E7204" in out and "FIFO" not in out


def test_a_hard_link_is_fixed_once_through_its_first_name(folder, capsys):
    (folder / "a.py").write_text(BAD, encoding="utf-8")
    os.link(folder / "a.py", folder / "b.py")
    assert main(["fix", "."]) == 0
    captured = capsys.readouterr()
    assert "changed while mslint was linting it" not in captured.err and "Fixed 2 findings (0 remaining)." in captured.out
    assert (folder / "b.py").read_text(encoding="utf-8") == FIXED and os.path.samefile(folder / "a.py", folder / "b.py")


def test_origin_detection_reads_no_fifo_of_the_project(folder):
    """A file with no framework sign has its origin read from the project's files: a FIFO among them is not opened
    (it would block the read)."""
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    (folder / "pkg").mkdir()
    (folder / "pkg" / "head.py").write_text(BAD, encoding="utf-8")
    os.mkfifo(folder / "other.py")
    result = _mslint("check", "pkg", cwd=folder, timeout=120)
    assert result.returncode == 1 and "pkg/head.py:5:17: E7204" in result.stdout


def test_a_report_that_cannot_be_written_exits_2_with_a_message(folder, capsys):
    (folder / "head.py").write_text(BAD, encoding="utf-8")
    assert main(["check", "head.py", "--output", "/dev/full"]) == 2
    assert capsys.readouterr().err == "mslint: cannot write the report: /dev/full: No space left on device\n"


def test_ctrl_c_ends_the_run_with_130_and_no_traceback(folder):
    import signal

    (folder / "m.py").write_text(BAD, encoding="utf-8")
    # The real SIGINT arrives while the lint runs, whatever the machine's speed: the lint sends it to its own process.
    script = (
        "import os, signal, sys, time\n"
        "import mslint.cli as cli\n"
        "def interrupted(*args, **kwargs):\n"
        "    os.kill(os.getpid(), signal.SIGINT)\n"
        "    time.sleep(60)\n"
        "cli.lint = interrupted\n"
        "sys.argv = ['mslint', 'check', '--no-cache', '.']\n"
        "cli.entry_point()\n"
    )
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    process = subprocess.run(
        [sys.executable, "-c", script], cwd=folder, env=environment, capture_output=True, text=True, timeout=120,
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),  # a background job inherits SIGINT ignored
    )
    assert (process.returncode, process.stderr) == (130, "mslint: interrupted\n")
