"""The GitHub Action (action.yml): valid action metadata, and its scripts run locally on the bundled example as a
runner would run them, writing a SARIF file that code scanning accepts (issue 29)."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import jsonschema
import pytest
import yaml
from helpers import ROOT, built_wheel, environment_without_mslint
from sarif_validation import assert_valid_sarif

ACTION = ROOT / "action.yml"
SCHEMA = ROOT / "tests" / "data" / "github-action.schema.json"
EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


@pytest.fixture(scope="module")
def action() -> dict:
    return yaml.safe_load(ACTION.read_text(encoding="utf-8"))


def test_the_action_is_valid_metadata(action):
    jsonschema.validate(action, json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert action["runs"]["using"] == "composite"
    assert all(isinstance(spec["default"], str) for spec in action["inputs"].values())  # inputs are strings


def test_scripts_read_inputs_from_the_environment_and_the_cache_is_one_folder(action):
    steps = action["runs"]["steps"]
    for step in steps:
        if "run" in step:
            assert not EXPRESSION.search(step["run"]), f"{step['name']}: ${{{{ }}}} inside a script (injection)"
            assert step["shell"] == "bash" and "if" not in step
    used = {step["uses"].split("@")[0]: step for step in steps if "uses" in step}
    restore, save = used["actions/cache/restore"]["with"], used["actions/cache/save"]["with"]
    assert restore["path"] == save["path"] == "${{ steps.install.outputs.cache-folder }}" and restore["key"] == save["key"]
    upload = used["github/codeql-action/upload-sarif"]["with"]
    assert upload["category"] == "${{ inputs.category }}" and upload["sarif_file"].endswith("${{ inputs.sarif-file }}")
    names = [step["name"] for step in steps]
    assert names.index("Restore the mslint cache") < names.index("mslint check") < names.index("Save the mslint cache")
    assert names[-1] == "Fail on findings"  # after the upload and the cache save: findings still reach code scanning


class Runner:
    """Runs the action's scripts as a GitHub runner does (bash -eo pipefail, GITHUB_OUTPUT, the step's env and
    working-directory); the steps that use other actions are only resolved."""

    def __init__(self, action: dict, inputs: dict[str, str], workspace: Path, bin_folder: Path) -> None:
        self.action, self.workspace, self.bin_folder = action, workspace, bin_folder
        self.inputs = {name: inputs.get(name, spec["default"]) for name, spec in action["inputs"].items()}
        self.outputs: dict[str, dict[str, str]] = {}
        self.used: dict[str, dict[str, str]] = {}

    def value(self, expression: str) -> str:
        scope, _, name = expression.partition(".")
        if scope == "inputs":
            return self.inputs[name]
        if scope == "steps":
            step, _, output = name.partition(".outputs.")
            return self.outputs[step][output]
        return {"github.action_path": str(ROOT), "runner.os": "Linux", "github.run_id": "1", "github.run_attempt": "1"}[expression]

    def resolve(self, text: str) -> str:
        return EXPRESSION.sub(lambda match: self.value(match.group(1)), text)

    def run(self) -> dict[str, int]:
        """Every step in order; returns the exit code of each script (the run stops at the first failure)."""
        codes = {}
        for step in self.action["runs"]["steps"]:
            if "uses" in step:
                if self._condition(step.get("if", "true")):
                    self.used[step["uses"].split("@")[0]] = {key: self.resolve(str(value)) for key, value in step["with"].items()}
                continue
            codes[step["name"]] = code = self._script(step)
            if code:
                break
        return codes

    def _condition(self, condition: str) -> bool:
        match = re.fullmatch(r"inputs\.([\w-]+) == '(\w+)'", condition)
        assert match or condition == "true", condition
        return condition == "true" or self.inputs[match.group(1)] == match.group(2)

    def _script(self, step: dict) -> int:
        output = self.workspace / ".github_output"
        output.write_text("", encoding="utf-8")
        environment = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "CI")}
        environment.update(PATH=f"{self.bin_folder}{os.pathsep}{environment['PATH']}", GITHUB_OUTPUT=str(output), PIP_NO_INDEX="1")
        environment.update({key: self.resolve(str(value)) for key, value in step.get("env", {}).items()})
        folder = self.workspace / self.resolve(step.get("working-directory", "."))
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", step["run"]], cwd=folder, env=environment, capture_output=True, text=True, timeout=900)
        self.log = result.stdout + result.stderr
        self.outputs[step.get("id", step["name"])] = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
        return result.returncode


def test_the_scripts_run_on_the_bundled_example_and_write_sarif_code_scanning_accepts(action, tmp_path):
    wheel = built_wheel(tmp_path / "dist")
    workspace = tmp_path / "repository"
    shutil.copytree(ROOT / "examples", workspace / "examples")
    subprocess.run(["git", "init", "-q", str(workspace)], check=True)
    runner = Runner(action, {"version": str(wheel), "paths": "examples"}, workspace, environment_without_mslint(tmp_path / "env"))
    codes = runner.run()
    assert codes == {"Install mslint": 0, "mslint check": 0, "Fail on findings": 1}, runner.log  # findings fail the job
    assert runner.outputs["check"]["exit-code"] == "1"
    sarif = workspace / runner.outputs["check"]["sarif-file"]
    log = assert_valid_sarif(sarif)
    assert {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in log["runs"][0]["results"]} == {"examples/half_ported_resnet.py"}
    assert (workspace / runner.used["github/codeql-action/upload-sarif"]["sarif_file"]).resolve() == sarif.resolve()  # relative to the workspace
    assert runner.used["github/codeql-action/upload-sarif"]["category"] == "mslint"
    cache = Path(runner.outputs["install"]["cache-folder"])
    assert cache == workspace / ".mslint_cache" and any(cache.glob("*.json"))  # what actions/cache saves
    assert runner.used["actions/cache/save"]["path"] == str(cache)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert all(rule["helpUri"].startswith(f"file://{tmp_path}/env/") for rule in rules)  # the installed rule pages

    # The next CI job: a fresh runner installs the same wheel, and the restored cache answers (same cache file).
    cached = sorted(cache.glob("*.json"))
    reporting = Runner(action, {"version": str(wheel), "paths": "examples", "fail-on-findings": "false", "upload": "false", "cache": "false"}, workspace, environment_without_mslint(tmp_path / "env2"))
    assert reporting.run() == {"Install mslint": 0, "mslint check": 0, "Fail on findings": 0}, reporting.log
    assert reporting.outputs["check"]["exit-code"] == "1" and set(reporting.used) == set()
    assert sorted(cache.glob("*.json")) == cached


@pytest.mark.parametrize(
    ("files", "version", "expected"),
    [
        ({}, "", "ACTION"),
        ({}, "0.2.0", "mslint==0.2.0"),
        ({}, "/wheels/mslint-0.1.0-py3-none-any.whl", "/wheels/mslint-0.1.0-py3-none-any.whl"),
        ({"requirements-dev.txt": "pytest\n# mslint==0.0.1 (old)\nmslint[server]==0.1.0  # lint\n"}, "", "mslint==0.1.0"),
        ({"pyproject.toml": '[dependency-groups]\nlint = ["mslint @ file:///wheels/mslint-0.1.0-py3-none-any.whl"]\n'}, "", "mslint @ file:///wheels/mslint-0.1.0-py3-none-any.whl"),
        (
            {".pre-commit-config.yaml": "repos:\n  - repo: https://example.org/tools/ruff\n    rev: v1\n    hooks:\n      - id: ruff\n"
             "  - repo: https://example.org/tools/mslint\n    rev: 0123abc\n    hooks:\n      - id: mslint\n"},
            "",
            "git+https://example.org/tools/mslint@0123abc",
        ),
        ({".pre-commit-config.yaml": "repos:\n  - repo: local\n    hooks:\n      - id: mslint\n        additional_dependencies: ['mslint==0.1.0']\n"}, "", "mslint==0.1.0"),
        ({"requirements.txt": "mslint-extra==1.0\nnot-mslint==2\n"}, "", "ACTION"),
    ],
)
def test_the_version_installed_is_the_input_else_the_repositorys_pin_else_the_actions_copy(tmp_path, files, version, expected):
    from runpy import run_path

    requirement = run_path(str(ROOT / "scripts" / "action_requirement.py"))["requirement"]
    for name, text in files.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    assert requirement(version, tmp_path, ROOT)[0] == expected.replace("ACTION", str(ROOT))
