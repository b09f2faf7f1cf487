"""SARIF output: the pylint reporter and ``mslint check --format sarif``, validated like GitHub would."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import sarif_om as om
import yaml
from helpers import CARDS, ROOT
from sarif_validation import assert_valid_sarif

from mslint.cli import main, parser
from mslint.outputs.fingerprints import line_hashes
from mslint.outputs.sarif import build, to_json
from mslint.rules.catalog import Family, all_rules

TOOLS = ROOT / "tools"
SIZE_CALL = "from mindspore import nn\n\n\nclass Net(nn.Cell):\n    def construct(self, x):\n{line}\n        return n\n"


def run_pylint(cwd: Path, *arguments: str) -> subprocess.CompletedProcess:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=mslint", *arguments],
        cwd=cwd, env=environment, capture_output=True, text=True, timeout=300, check=False,
    )


def check_sarif(cwd: Path, *arguments: str) -> tuple[int, dict]:
    """``mslint check --format sarif`` from ``cwd``; the exit code and the validated log."""
    previous = Path.cwd()
    os.chdir(cwd)
    try:
        code = main(["check", *arguments, "--format", "sarif", "--output", "out.sarif"])
    finally:
        os.chdir(previous)
    return code, assert_valid_sarif(cwd / "out.sarif")


@pytest.fixture
def project(tmp_path):
    """Every card's bad.py under ``src/<rule>/`` of a fresh working directory."""
    for rule in all_rules():
        target = tmp_path / "src" / rule.symbol.replace("-", "_") / "bad.py"
        target.parent.mkdir(parents=True)
        shutil.copy(CARDS / rule.symbol / "bad.py", target)
    return tmp_path


# --- fingerprints -------------------------------------------------------------------------------

UPSTREAM_VECTORS = [  # github/codeql-action src/fingerprints.test.ts
    ("", ["c129715d7a2bc9a3:1"]),
    (" a\nb\n  \t\tc\n d", ["271789c17abda88f:1", "54703d4cd895b18:1", "180aee12dab6264:1", "a23a3dc5e078b07b:1"]),
    (
        " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End",
        ["8b7cf3e952e7aeb2:1", "b1ae1287ec4718d9:1", "bff680108adb0fcc:1", "c6805c5e1288b612:1", "b86d3392aea1be30:1", "e6ceba753e1a442:1"],
    ),
    *(
        (text, ["e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1", "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1", "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1", "c129715d7a2bc9a3:1"])
        for text in (
            " hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n",
            " hello; \t\nworld!!!\r\r\r  \t\tGreetings\r End\r",
            " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n",
            " hello; \t\nworld!!!\r\n\n\r  \t\tGreetings\r End\r\n",
        )
    ),
    (
        "Lorem ipsum dolor sit amet.\n" * 10,
        [*(f"a7f2ff13bc495cf2:{n}" for n in range(1, 7)), "a7f2ff1481e87703:1", "a9cf91f7bbf1862b:1", "55ec222b86bcae53:1", "cc97dc7b1d7d8f7b:1", "c129715d7a2bc9a3:1"],
    ),
]


@pytest.mark.parametrize("text, expected", UPSTREAM_VECTORS)
def test_line_hashes_match_the_upload_action(text, expected):
    assert line_hashes(text) == expected


def test_line_hashes_count_astral_characters_as_two_code_units():
    # the action walks charCodeAt(): an astral character is two units, so it hashes unlike one BMP character
    assert line_hashes("x = '😀'\n") != line_hashes("x = '\u00e9'\n")
    assert len(line_hashes("a = '😀'\nb\n")) == 3


# --- serialization ------------------------------------------------------------------------------


def test_values_equal_to_sarif_om_defaults_are_kept():
    result = build(om.Result, rule_id="W7202", rule_index=0, level="warning", message=build(om.Message, text="m"))
    assert to_json(result) == {"ruleId": "W7202", "ruleIndex": 0, "level": "warning", "message": {"text": "m"}}


def test_the_validation_catches_zero_based_columns(tmp_path):
    _, log = check_sarif(tmp_path, str(CARDS / "ms-tensor-size-call" / "bad.py"))
    log["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startColumn"] = 0
    with pytest.raises(AssertionError, match="startColumn"):
        assert_valid_sarif(log)


# --- the pylint reporter ------------------------------------------------------------------------


def test_pylint_reporter_jobs_1_and_2_give_the_same_valid_log(project):
    outputs = []
    for jobs in ("1", "2"):
        name = f"j{jobs}.sarif"
        completed = run_pylint(project, f"--jobs={jobs}", f"--output-format=mslint-sarif:{name},text", "src")
        assert (project / name).is_file(), completed.stderr
        outputs.append((project / name).read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    log = assert_valid_sarif(outputs[0])
    run = log["runs"][0]
    rules = {rule["id"]: rule for rule in run["tool"]["driver"]["rules"]}
    ids = {result["ruleId"] for result in run["results"]}
    assert {rule.msgid for rule in all_rules()} <= set(rules)
    assert any(rule_id.startswith("E72") for rule_id in ids)
    pylint_own = {rule_id for rule_id in ids if rule_id[1:3] not in {family.value for family in Family}}
    assert pylint_own, "pylint's own messages are missing"
    for rule_id in pylint_own:
        assert rules[rule_id]["helpUri"].startswith("https://pylint.readthedocs.io/")
    for result in run["results"]:
        uri = result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert uri["uriBaseId"] == "%SRCROOT%" and uri["uri"].startswith("src/") and uri["uri"].endswith("/bad.py")
        expected = {"E": "error", "F": "error", "W": "warning"}.get(result["ruleId"][0], "note")
        assert result["level"] == expected
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == project.resolve().as_uri() + "/"


def test_results_carry_fixes_as_replacements(project):
    code, log = check_sarif(project, "src")
    assert code == 1
    results = log["runs"][0]["results"]
    fixed = [result for result in results if "fixes" in result]
    assert fixed
    for result in fixed:
        change = result["fixes"][0]["artifactChanges"][0]
        assert change["artifactLocation"] == result["locations"][0]["physicalLocation"]["artifactLocation"]
        assert all("text" in replacement["insertedContent"] for replacement in change["replacements"])


def _size_call_result(tmp_path: Path, line: str, newline: str = "\n") -> tuple[dict, Path]:
    path = tmp_path / "pkg" / "net.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(SIZE_CALL.format(line=line).replace("\n", newline).encode("utf-8"))
    _, log = check_sarif(tmp_path, "pkg", "--mindspore-version=2.10")
    (result,) = log["runs"][0]["results"]
    return result, path


def test_columns_are_utf16_code_units_after_an_astral_character(tmp_path):
    line = "        s = '😀'; n = x.size(0)"
    result, _ = _size_call_result(tmp_path, line)
    region = result["locations"][0]["physicalLocation"]["region"]
    start = line.index(".size(0)")  # code points; the emoji is two UTF-16 units
    assert region == {"startLine": 6, "startColumn": start + 2, "endLine": 6, "endColumn": start + 2 + len(".size")}
    deleted = result["fixes"][0]["artifactChanges"][0]["replacements"][0]["deletedRegion"]
    assert deleted["startLine"] == 6 and deleted["startColumn"] == start + 2 + len(".")


def test_crlf_file_has_the_same_regions_and_fingerprints(tmp_path):
    line = "        n = x.size(0)"
    lf, _ = _size_call_result(tmp_path / "lf", line)
    crlf, path = _size_call_result(tmp_path / "crlf", line, "\r\n")
    assert b"\r\n" in path.read_bytes()
    for key in ("locations", "partialFingerprints", "fixes"):
        assert crlf[key] == lf[key]


def test_fingerprint_is_the_hash_of_the_result_line(tmp_path):
    result, path = _size_call_result(tmp_path, "        n = x.size(0)")
    expected = line_hashes(path.read_text(encoding="utf-8"))[5]
    assert result["partialFingerprints"] == {"primaryLocationLineHash": expected}


def test_no_findings_is_a_valid_log_with_an_empty_results_array(tmp_path):
    shutil.copy(CARDS / "ms-tensor-size-call" / "good.py", tmp_path / "good.py")
    code, log = check_sarif(tmp_path, "good.py")
    assert code == 0
    assert log["runs"][0]["results"] == []
    assert len(log["runs"][0]["tool"]["driver"]["rules"]) == len(all_rules())


def test_pylint_reporter_with_no_messages_is_valid(tmp_path):
    (tmp_path / "clean.py").write_text('"""Clean."""\n', encoding="utf-8")
    completed = run_pylint(tmp_path, "--output-format=mslint-sarif", "clean.py")
    assert completed.returncode == 0, completed.stderr
    assert assert_valid_sarif(completed.stdout)["runs"][0]["results"] == []


def test_check_sarif_exit_codes_and_stdout(tmp_path, capsys):
    bad = CARDS / "ms-tensor-size-call" / "bad.py"
    assert main(["check", str(bad), "--format", "sarif"]) == 1
    assert_valid_sarif(capsys.readouterr().out)
    assert main(["check", str(tmp_path / "missing.py"), "--format", "sarif"]) == 2


def test_rule_descriptors_come_from_the_catalogue(tmp_path):
    _, log = check_sarif(tmp_path, str(CARDS / "ms-tensor-size-call" / "good.py"))
    driver = log["runs"][0]["tool"]["driver"]
    assert (driver["name"], driver["version"]) == ("mslint", "0.1.0") and "informationUri" not in driver  # no public home yet
    for rule, descriptor in zip(all_rules(), driver["rules"]):
        assert descriptor["id"] == rule.msgid and descriptor["name"] == rule.symbol
        assert descriptor["shortDescription"]["text"] == rule.summary
        # no docs-url configured: the rule's page in this checkout (in an installed wheel, the page installed with it)
        assert descriptor["helpUri"] == (ROOT / "docs" / "rules" / f"{rule.symbol}.md").as_uri()
        assert descriptor["help"]["markdown"].startswith(f"# {rule.symbol} ({rule.msgid})")
        assert "## What it does" in descriptor["help"]["markdown"] and "What it does\n---" in descriptor["help"]["text"]
        assert descriptor["defaultConfiguration"]["level"] == {"error": "error", "warning": "warning"}.get(rule.category, "note")
        assert descriptor["properties"]["problem.severity"] in ("error", "warning", "recommendation")
        assert descriptor["properties"]["precision"] == "high"


# --- Microsoft SARIF Multitool ------------------------------------------------------------------


def multitool() -> str | None:
    """The Multitool's native binary from ``tools/node_modules`` (``npm ci --prefix tools``), if installed."""
    node = shutil.which("node")
    if node is None or not (TOOLS / "node_modules" / "@microsoft" / "sarif-multitool").is_dir():
        return None
    completed = subprocess.run(
        [node, "-p", "require('@microsoft/sarif-multitool')"], cwd=TOOLS, capture_output=True, text=True, timeout=60, check=False
    )
    path = completed.stdout.strip()
    return path if completed.returncode == 0 and Path(path).is_file() else None


def test_sarif_multitool_finds_no_errors_or_warnings(project, tmp_path):
    tool = multitool()
    if tool is None:
        reason = "SARIF Multitool missing: run `npm ci --prefix tools`"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    # GitHub's rule set asks for the tool's information URI, which mslint writes only when docs-url is set
    (project / "pyproject.toml").write_text('[tool.mslint]\ndocs-url = "https://mslint.example.org/rules"\n', encoding="utf-8")
    run_pylint(project, "--output-format=mslint-sarif:pylint.sarif", "src")
    check_sarif(project, "src")
    for name in ("pylint.sarif", "out.sarif"):
        report = tmp_path / f"validation-{name}"
        # the npm wrapper runs through a shell, which would split "Sarif;Ghas": call the binary itself;
        # it is a self-contained .NET app, and invariant globalization spares it the system's libicu
        completed = subprocess.run(
            [tool, "validate", str(project / name), "--rule-kind", "Sarif;Ghas", "--level", "Error;Warning;Note",
             "--output", str(report), "--log", "ForceOverwrite"],
            env={**os.environ, "DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"},
            capture_output=True, text=True, timeout=300, check=False,
        )
        assert report.is_file(), completed.stdout + completed.stderr
        results = json.loads(report.read_text(encoding="utf-8"))["runs"][0].get("results", [])
        assert results, "the validator reported nothing at all (it always notes something)"
        serious = [(r["ruleId"], r["message"]) for r in results if r.get("level", "warning") in ("error", "warning")]
        assert not serious, serious


# --- the CI and editor documentation -----------------------------------------------------------


def _blocks(name: str, language: str) -> list[str]:
    text = (ROOT / "docs" / name).read_text(encoding="utf-8")
    return re.findall(rf"```{language}\n(.*?)```", text, re.DOTALL)


def test_ci_workflow_uploads_mslint_sarif():
    workflow = yaml.safe_load(_blocks("ci.md", "yaml")[0])
    (job,) = workflow["jobs"].values()
    assert job["permissions"]["security-events"] == "write"
    steps = yaml.safe_load(_blocks("ci.md", "yaml")[1])["steps"]  # the same job's steps without the action
    (upload,) = [step for step in steps if step.get("uses", "").startswith("github/codeql-action/upload-sarif@")]
    assert upload["with"]["category"] == "mslint"
    (lint,) = [step for step in steps if "mslint check" in step.get("run", "")]
    command = shlex.split(lint["run"].split("||")[0])
    options = parser().parse_args(command[1:])
    assert (options.output_format, options.output) == ("sarif", upload["with"]["sarif_file"])


def test_pre_commit_hooks_run_mslint_check_and_fix():
    hooks = {hook["id"]: hook for hook in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    assert set(hooks) == {"mslint", "mslint-fix"}
    for hook, command in ((hooks["mslint"], "check"), (hooks["mslint-fix"], "fix")):
        assert hook["types_or"] == ["python", "jupyter"] and hook["language"] == "python"  # notebooks too
        program, *arguments = shlex.split(hook["entry"])
        assert program == "mslint"
        assert parser().parse_args([*arguments, "file.py"]).command == command


def test_ide_settings_load_the_plugin():
    blocks = [json.loads(block) for block in _blocks("ide.md", "json")]
    (vscode,) = [block for block in blocks if "pylint.args" in block]
    (pylsp,) = [block for block in blocks if "pylsp" in block]
    assert "--load-plugins=mslint" in vscode["pylint.args"]
    assert pylsp["pylsp"]["plugins"]["pylint"] == {"enabled": True, "args": ["--load-plugins=mslint"]}
