"""Repository scale (issue 30): the same findings with and without the cache, with ``--changed-since``, and from
``--shard`` jobs put back together (their findings, and their SARIF logs merged by ``mslint merge-sarif``)."""

from __future__ import annotations

import io
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from helpers import CARDS, ROOT
from sarif_validation import assert_valid_sarif

from mslint.cli import main, parser
from mslint.run import LintSettings, lint
from mslint.run.progress import Progress
from mslint.run.shards import shard_files

BASE_CELL = "from mindspore import nn\n\n\nclass Base(nn.Cell):\n    pass\n"
MODEL = "from .base import Base\n\n\nclass Net(Base):\n    def forward(self, x):\n        return x\n"
CARD_SYMBOLS = ("ms-tensor-size-call", "ms-dropout-rate-as-keep-prob", "ms-torch-api", "ms-init-before-super", "ms-parameters-call", "ms-padding-without-pad-mode")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def git(root: Path, *arguments: str) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.com", *arguments], cwd=root, check=True, capture_output=True)


@pytest.fixture
def tree(tmp_path, monkeypatch):
    """A git repository (the working folder): a package whose model subclasses a Cell of another module, a
    nested package and a folder of scripts, holding rule cards' bad examples; committed."""
    monkeypatch.chdir(tmp_path)
    write(tmp_path / "pyproject.toml", "[project]\nname = 'demo'\n")
    write(tmp_path / "nets" / "__init__.py", "")
    write(tmp_path / "nets" / "base.py", BASE_CELL)
    write(tmp_path / "nets" / "model.py", MODEL)
    write(tmp_path / "lib" / "__init__.py", "")
    write(tmp_path / "lib" / "deep" / "__init__.py", "")
    for number, symbol in enumerate(CARD_SYMBOLS):
        folder = ("lib", "lib/deep", "scripts")[number % 3]
        target = tmp_path / folder / f"{symbol.replace('-', '_')}.py"
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(CARDS / symbol / "bad.py", target)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "tree")
    return tmp_path


def located(findings) -> list[tuple[str, int, int, str, str]]:
    return [(finding.path, finding.line, finding.column, finding.symbol, finding.message) for finding in findings]


def test_findings_are_the_same_without_the_cache_cold_and_warm(tree):
    expected = located(lint(["."]))
    assert {path.split("/")[0] for path, *_ in expected} >= {"nets", "lib", "scripts"}  # every part has findings
    assert located(lint(["."], cache=True)) == expected
    assert located(lint(["."], cache=True)) == expected


IMPORTED = """
import sys
from mslint.cli import main
main(["check", "."])
print(sorted({name.split(".")[0] for name in sys.modules} & {"pylint", "astroid"}), file=sys.stderr)
"""


def frameworks_imported(root: Path) -> str:
    """Which of pylint and astroid a ``mslint check .`` in a fresh process imports."""
    completed = subprocess.run([sys.executable, "-c", IMPORTED], cwd=root, env={**os.environ, "PYTHONPATH": str(ROOT)}, capture_output=True, text=True, check=True)
    return completed.stderr.strip().splitlines()[-1]


def test_a_cache_hit_imports_neither_pylint_nor_astroid(tree):
    assert frameworks_imported(tree) == "['astroid', 'pylint']"  # cold: every file checked
    assert frameworks_imported(tree) == "[]"
    write(tree / "scripts" / "added.py", "import os\n")
    assert frameworks_imported(tree) == "['astroid', 'pylint']"


@pytest.mark.parametrize("count", [2, 3, 5])
def test_shards_partition_the_files_and_keep_a_package_together(tree, count):
    files = sorted(str(path.relative_to(tree)) for path in tree.rglob("*.py"))
    shards = [shard_files(files, index, count) for index in range(1, count + 1)]
    assert sorted(path for shard in shards for path in shard) == files  # each file in exactly one shard
    assert shards == [shard_files(list(reversed(files)), index, count)[::-1] for index in range(1, count + 1)]
    holding_nets = [shard for shard in shards if "nets/base.py" in shard]
    assert {"nets/__init__.py", "nets/model.py"} <= set(holding_nets[0])
    assert all(shards)  # the tree has more packages and scripts than shards: none is empty


def test_the_findings_of_the_shards_together_are_the_findings_of_one_run(tree):
    expected = located(lint(["."]))
    parts = [located(lint(["."], shard=(index, 3))) for index in (1, 2, 3)]
    assert sorted(finding for part in parts for finding in part) == expected
    assert ("nets/model.py", "ms-forward-not-construct") in [(path, symbol) for part in parts for path, _, _, symbol, _ in part]


def sarif_results(log: dict) -> list[tuple]:
    """The results of a log's one run, each with its rule's id and name (not the rule's index, which differs)."""
    run = log["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    results = []
    for result in run["results"]:
        descriptor = rules[result["ruleIndex"]]
        assert descriptor["id"] == result["ruleId"]
        results.append((json.dumps({**result, "ruleIndex": None}, sort_keys=True), descriptor["name"]))
    return sorted(results)


def test_the_sarif_logs_of_the_shards_merge_into_the_log_of_one_run(tree, capsys):
    assert main(["check", ".", "--format", "sarif", "--output", "whole.sarif"]) == 1
    for index in (1, 2, 3):
        main(["check", ".", "--shard", f"{index}/3", "--format", "sarif", "--output", f"shard{index}.sarif"])
    assert main(["merge-sarif", "shard1.sarif", "shard2.sarif", "shard3.sarif", "--output", "merged.sarif"]) == 0
    whole, merged = assert_valid_sarif(tree / "whole.sarif"), assert_valid_sarif(tree / "merged.sarif")
    assert len(merged["runs"]) == 1
    assert sarif_results(merged) == sarif_results(whole) != []
    assert main(["merge-sarif", "shard1.sarif", "shard2.sarif", "shard3.sarif"]) == 0
    assert json.loads(capsys.readouterr().out) == merged


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("not json", "merged.sarif"),
        ('{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "CodeQL"}}, "results": []}]}', "'CodeQL', not of mslint"),
        ('{"version": "2.1.0", "runs": []}', "not a SARIF log with one run"),
    ],
)
def test_merge_sarif_names_a_file_it_cannot_merge(tree, capsys, content, reason):
    main(["check", ".", "--shard", "1/2", "--format", "sarif", "--output", "shard1.sarif"])
    write(tree / "merged.sarif", content)
    assert main(["merge-sarif", "shard1.sarif", "merged.sarif"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("mslint: merged.sarif") and reason in error and "Traceback" not in error


def test_merge_sarif_refuses_logs_of_another_mslint_version(tree, capsys):
    main(["check", ".", "--format", "sarif", "--output", "one.sarif"])
    other = json.loads((tree / "one.sarif").read_text(encoding="utf-8"))
    other["runs"][0]["tool"]["driver"]["version"] = "0.0.1"
    write(tree / "other.sarif", json.dumps(other))
    assert main(["merge-sarif", "one.sarif", "other.sarif"]) == 2
    assert "other.sarif: written by mslint 0.0.1" in capsys.readouterr().err


@pytest.mark.parametrize("cache", [False, True])
def test_changed_since_keeps_the_findings_of_the_changed_files_and_of_those_depending_on_them(tree, cache):
    lint(["."], cache=cache)  # a warm cache must not hide a change
    write(tree / "nets" / "base.py", BASE_CELL + "# edited\n")  # model.py depends on it
    write(tree / "scripts" / "added.py", (CARDS / "ms-forward-not-construct" / "bad.py").read_text(encoding="utf-8"))  # not committed
    expected = [finding for finding in located(lint(["."])) if finding[0] in {"nets/base.py", "nets/model.py", "scripts/added.py"}]
    assert {finding[0] for finding in expected} == {"nets/model.py", "scripts/added.py"}
    assert located(lint(["."], cache=cache, changed_since="HEAD")) == expected
    git(tree, "add", ".")
    git(tree, "commit", "-q", "-m", "edit")
    assert located(lint(["."], cache=cache, changed_since="HEAD~1")) == expected
    assert located(lint(["."], cache=cache, changed_since="HEAD")) == []


def test_changed_since_an_unknown_revision_is_a_usage_error(tree, capsys):
    assert main(["check", ".", "--changed-since", "no-such-branch"]) == 2
    error = capsys.readouterr().err
    assert "--changed-since no-such-branch: not a commit" in error and "Traceback" not in error


def test_a_bad_shard_is_a_usage_error(tree, capsys):
    assert main(["check", ".", "--shard", "3/2"]) == 2
    assert "--shard 3/2: expected I/N" in capsys.readouterr().err


def test_the_ci_recipes_run_mslint_with_options_it_has():
    text = (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")
    workflows = [yaml.safe_load(block) for block in re.findall(r"```yaml\n(.*?)```", text, re.DOTALL) if "jobs:" in block]
    values = {"matrix.shard": "2", "github.base_ref": "main"}
    commands = []
    for workflow in workflows:
        for job in workflow["jobs"].values():
            for line in (line for step in job["steps"] for line in step.get("run", "").splitlines()):
                if line.startswith("mslint "):
                    filled = re.sub(r"\$\{\{ *([\w.]+) *\}\}", lambda match: values[match.group(1)], line)
                    commands.append(parser().parse_args(shlex.split(filled.split("||")[0])[1:]))
    checks = [options for options in commands if options.command == "check"]
    assert [options.changed_since for options in checks if options.changed_since] == ["origin/main"]
    (sharded,) = [options for options in checks if options.shard]
    assert (sharded.shard, sharded.output_format, sharded.output) == ("2/4", "sarif", "shard-2.sarif")
    (merge,) = [options for options in commands if options.command == "merge-sarif"]
    assert (merge.files, merge.output) == (["shard-*.sarif"], "mslint.sarif")


@pytest.mark.parametrize(("jobs", "cache"), [(1, False), (2, False), (1, True)])
def test_the_progress_line_counts_every_file_and_finding(tree, capsys, jobs, cache):
    if cache:
        lint(["."], cache=True)  # the second run's files are all cache hits
    stream = io.StringIO()
    progress = Progress(stream, delay=0)
    with capsys.disabled(), progress:  # -j workers cannot hold pytest's captured stdout
        found = lint(["."], LintSettings(jobs=jobs), cache=cache, progress=progress)
    files = len(list(tree.rglob("*.py")))
    assert (progress.total, *progress.counts[:]) == (files, files, len(found)) and found
    assert progress.line() == f"mslint: {files}/{files} files checked, {len(found)} findings"
    assert stream.getvalue().startswith("\rmslint: ") and stream.getvalue().endswith("\r")  # drawn, then erased
