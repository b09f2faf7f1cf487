"""What `mslint check`/`fix` print (issue 14): summaries, statistics, CI formats, one column base, texts free
of internal notes, and no link that does not resolve."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import urllib.parse
from pathlib import Path

import jsonschema
import pytest
from helpers import ROOT, built_wheel, environment_without_mslint

from mslint.cli import main
from mslint.outputs.docs import rule_markdown, rule_text, rules_json
from mslint.rules.catalog import all_rules

BAD = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def layers(self, x):\n        return x.size(0), nn.ReLU(inplace=True), nn.Dropout(0.2)\n"
NON_ASCII = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def construct(self, x):\n        café = 'é'; return x.size(0)\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "head.py").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_summary_counts_the_unsafe_fixes(project, capsys):
    assert main(["check", "head.py"]) == 1
    assert capsys.readouterr().out.splitlines()[-1] == "Found 3 findings (2 fixable with `mslint fix`; 1 more with --unsafe-fixes)."


def test_fix_reports_fixed_and_remaining_with_relative_paths(project, capsys):
    (project / "pkg").mkdir()
    (project / "pkg" / "a.py").write_text(BAD, encoding="utf-8")
    assert main(["fix", "pkg"]) == 1  # the unsafe one is left
    captured = capsys.readouterr()
    assert "fixed pkg/a.py" in captured.err and str(project) not in captured.err + captured.out
    assert captured.out.splitlines()[0].startswith("pkg/a.py:5:") and captured.out.splitlines()[-1] == "Fixed 2 findings (1 remaining)."
    assert main(["fix", "--unsafe-fixes", "pkg"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "Fixed 1 finding (0 remaining)."


def test_statistics_and_exit_zero(project, capsys):
    assert main(["check", "--statistics", "head.py"]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[:3] == ["1  E7203  [*] ms-unsupported-inplace", "1  E7204  [*] ms-tensor-size-call", "1  E7211      ms-dropout-rate-as-keep-prob"]
    assert main(["check", "--exit-zero", "head.py"]) == 0
    assert main(["check", "--exit-zero", "missing.py"]) == 2


def test_github_annotations(project, capsys):
    (project / "sub").mkdir()
    (project / "sub" / "m, x.py").write_text(BAD, encoding="utf-8")
    (project / ".git").mkdir()
    os.chdir(project / "sub")
    assert main(["check", "--output-format", "github", "."]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3
    # paths relative to the repository root, properties escaped (",": %2C), 1-based columns
    assert lines[0].startswith("::error title=mslint (E7204),file=sub/m%2C x.py,line=5,col=17,endLine=5,endColumn=22::sub/m, x.py:5:17: E7204 [ms-tensor-size-call] ")
    assert lines[2].startswith("::error title=mslint (E7211),")


def test_gitlab_report_is_valid_against_the_documented_format(project, capsys):
    schema = json.loads((ROOT / "tests" / "data" / "gitlab-code-quality.schema.json").read_text(encoding="utf-8"))
    (project / "b.py").write_text(BAD + BAD.splitlines()[-1] + "\n", encoding="utf-8")  # the same line twice
    assert main(["check", "--output-format", "gitlab", "--project-root", str(project), "."]) == 1
    report = json.loads(capsys.readouterr().out)
    jsonschema.validate(report, schema)
    assert len(report) == 9 and len({issue["fingerprint"] for issue in report}) == 9
    assert {issue["location"]["path"] for issue in report} == {"b.py", "head.py"}
    with pytest.raises(jsonschema.ValidationError):  # the schema does reject a wrong report
        jsonschema.validate([{**report[0], "severity": "warning"}], schema)


def test_one_column_base_in_text_json_sarif_github_and_the_pylint_plugin(project, capsys):
    (project / "head.py").write_text(NON_ASCII, encoding="utf-8")
    main(["check", "head.py"])
    text_column = int(capsys.readouterr().out.split(":")[2])
    main(["check", "--format", "json", "head.py"])
    json_column = json.loads(capsys.readouterr().out)["findings"][0]["column"]
    main(["check", "--format", "sarif", "head.py"])
    sarif_column = json.loads(capsys.readouterr().out)["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"]
    main(["check", "--format", "github", "head.py"])
    github_column = int(re.search(r",col=(\d+)", capsys.readouterr().out).group(1))
    plugin = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=mslint", "--disable=all", "--enable=mslint", "--output-format=mslint-text", "head.py"],
        capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)}, timeout=300,
    )
    plugin_column = int(plugin.stdout.split(":")[2])
    # 1-based character columns: `.size` of x.size(0) after "café = 'é'; return x" is character 29
    assert text_column == json_column == sarif_column == github_column == plugin_column == 29


def test_the_id_key_is_the_same_in_rules_and_findings(project, capsys):
    rules = json.loads(rules_json())
    main(["check", "--format", "json", "head.py"])
    finding = json.loads(capsys.readouterr().out)["findings"][0]
    assert "msg_id" in rules[0] and "msg_id" in finding and "msgid" not in rules[0]


INTERNAL = re.compile(r"VERIFIED\(|\[fact\]|signature not introspectable|<!--")


def test_user_facing_texts_carry_no_internal_notes(tmp_path, capsys):
    for rule in all_rules():
        assert not INTERNAL.search(rule_text(rule)) and not INTERNAL.search(rule_markdown(rule)), rule.symbol
    source = "import torch\nx = torch.ones(2)\ny = x.detach().cpu()\nz = x.expand(3, 2)\n"
    (tmp_path / "t.py").write_text("from mindspore import Tensor\n" + "def f(x: Tensor):\n    return x.detach(), x.cpu()\n", encoding="utf-8")
    (tmp_path / "u.py").write_text(source, encoding="utf-8")
    main(["check", "--select", "E72,W72,I72", str(tmp_path)])
    output = capsys.readouterr().out
    assert not INTERNAL.search(output)
    from mslint.knowledge.mappings import load_torch_mapping

    assert not [name for name, entry in load_torch_mapping().items() if INTERNAL.search(entry.note or "")]


def test_dropout_keep_probability_gives_the_simple_drop_rate(tmp_path, capsys):
    source = "from mindspore import nn\n\ndef f(dropout_prob, keep):\n    return nn.Dropout(1 - dropout_prob), nn.Dropout(keep_prob=0.8), nn.Dropout(keep_prob=keep * 0.5)\n"
    (tmp_path / "d.py").write_text(source, encoding="utf-8")
    main(["check", str(tmp_path / "d.py")])
    output = capsys.readouterr().out
    assert "p=dropout_prob" in output and "p=0.2" in output and "p=1 - (keep * 0.5)" in output
    assert "1 - 1 -" not in output


def test_deprecation_messages_name_one_version(tmp_path, capsys):
    from mslint.knowledge.ops_metadata import load_op_metadata
    from mslint.rules.ascend import deprecation_version

    table = load_op_metadata()
    norm = table.get("mindspore.nn.Norm")
    assert (norm.deprecated_since, deprecation_version(norm)) == ("2.0", "2.8.0")
    (tmp_path / "n.py").write_text("from mindspore import nn\nnorm = nn.Norm()\n", encoding="utf-8")
    main(["check", "--mindspore-version", "2.10", str(tmp_path / "n.py")])
    (line,) = [line for line in capsys.readouterr().out.splitlines() if "W7410" in line]
    assert "deprecated from MindSpore 2.8.0" in line and "2.0" not in line.replace("2.0 ", "").split("from MindSpore")[1].split(":")[0]
    assert main(["check", "--mindspore-version", "2.5", str(tmp_path / "n.py")]) in (0, 1)
    assert "W7410" not in capsys.readouterr().out


LINK = re.compile(r"https?://[^\s)>\"'`]+")


def test_no_link_to_a_public_home_mslint_does_not_have():
    texts = [ROOT / "pyproject.toml", ROOT / "README.md", ROOT / ".pre-commit-hooks.yaml", *(ROOT / "docs").glob("*.md"), *(ROOT / "mslint").rglob("*.py")]
    found = [(path.name, link) for path in texts for link in LINK.findall(path.read_text(encoding="utf-8")) if re.search(r"github\.com/mslint|pypi\.org/project/mslint", link)]
    assert found == []
    assert "pip install mslint\n" not in (ROOT / "docs" / "ci.md").read_text(encoding="utf-8")


def test_the_docs_url_is_one_setting(project, capsys):
    """Rule pages are reachable by default (the page installed with mslint; here the checkout's), and docs-url
    overrides that in SARIF and `mslint explain`."""
    page = ROOT / "docs" / "rules" / "ms-forward-not-construct.md"
    main(["check", "--format", "sarif", "head.py"])
    descriptor = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"][0]
    assert descriptor["helpUri"] == page.as_uri() and page.is_file() and "## What it does" in descriptor["help"]["markdown"]
    assert main(["explain", "E7201"]) == 0 and capsys.readouterr().out.endswith(f"\nPage: {page.as_uri()}\n")
    (project / "pyproject.toml").write_text('[tool.mslint]\ndocs-url = "https://docs.example.org/mslint/rules/"\n', encoding="utf-8")
    main(["check", "--format", "sarif", "head.py"])
    descriptor = json.loads(capsys.readouterr().out)["runs"][0]["tool"]["driver"]["rules"][0]
    assert descriptor["helpUri"] == f"https://docs.example.org/mslint/rules/{descriptor['name']}.md"
    assert main(["explain", "E7201"]) == 0
    assert capsys.readouterr().out.endswith("\nPage: https://docs.example.org/mslint/rules/ms-forward-not-construct.md\n")


def test_a_built_wheel_installs_the_command_the_pre_commit_hooks_run(tmp_path):
    """No package index entry exists: the wheel built from a checkout is what users install (docs/ci.md)."""
    import zipfile

    import yaml

    wheel = built_wheel(tmp_path / "dist")
    with zipfile.ZipFile(wheel) as archive:
        entry_points = next(archive.read(name).decode() for name in archive.namelist() if name.endswith("entry_points.txt"))
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {hook["entry"].split()[0] for hook in hooks} == {"mslint"} and "mslint = mslint.cli:entry_point" in entry_points
    python = environment_without_mslint(tmp_path / "env") / "python"
    install = subprocess.run([str(python), "-m", "pip", "install", "--no-deps", "--no-index", "--force-reinstall", "-q", str(wheel)], capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr
    environment = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    explained = subprocess.run([str(tmp_path / "env" / "bin" / "mslint"), "explain", "W7601"], capture_output=True, text=True, cwd=tmp_path, env=environment, timeout=120)
    assert explained.returncode == 0 and explained.stdout.startswith("ms-unused-noqa (W7601)") and "Example" in explained.stdout
    # the rule pages come with the wheel: the link is to the installed copy, the page generated in docs/rules
    page = explained.stdout.rstrip().rpartition("Page: ")[2]
    installed = Path(urllib.parse.unquote(urllib.parse.urlparse(page).path))
    assert installed.parent.name == "rule_pages" and tmp_path in installed.parents
    assert installed.read_text(encoding="utf-8") == (ROOT / "docs" / "rules" / "ms-unused-noqa.md").read_text(encoding="utf-8")


def test_the_command_writes_all_its_output_before_leaving_without_teardown(tmp_path):
    """``mslint`` exits without freeing its trees one by one; a report larger than a pipe's buffer still arrives
    whole, with the exit code, on stdout and in the ``--output`` file."""
    lines = ["import mindspore", "", "def f(x):", *(f"    a{i} = x.size({i % 3})" for i in range(3000)), "    return a0", ""]
    (tmp_path / "many.py").write_text("\n".join(lines), encoding="utf-8")
    command = [sys.executable, "-m", "mslint", "check", "--no-cache", "many.py"]
    shown = subprocess.run(command, capture_output=True, text=True, timeout=300, cwd=tmp_path)
    written = subprocess.run([*command, "--format", "json", "--output", "report.json"], capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert shown.returncode == written.returncode == 1, shown.stderr + written.stderr
    assert len(shown.stdout.splitlines()) == 3001 and shown.stdout.endswith("Found 3000 findings (3000 fixable with `mslint fix`).\n")
    assert len(json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))["findings"]) == 3000
