"""The VS Code extension under editors/vscode: a manifest VS Code accepts, wired to `mslint server`."""

from __future__ import annotations

import json
import re
import subprocess

import pytest
from helpers import ROOT

from mslint.core import settings as config

EXTENSION = ROOT / "editors" / "vscode"


@pytest.fixture(scope="module")
def manifest() -> dict:
    return json.loads((EXTENSION / "package.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def script() -> str:
    return (EXTENSION / "extension.js").read_text(encoding="utf-8")


def test_manifest_has_the_fields_vscode_requires(manifest):
    for field in ("name", "version", "publisher", "engines", "main"):
        assert manifest.get(field), field
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", manifest["name"])
    assert re.fullmatch(r"\d+\.\d+\.\d+", manifest["version"])
    # vscode-languageclient 9 (LSP 3.17) needs VS Code 1.82 or later.
    assert re.fullmatch(r"\^1\.(\d+)\.\d+", manifest["engines"]["vscode"])
    assert int(re.fullmatch(r"\^1\.(\d+)\.\d+", manifest["engines"]["vscode"]).group(1)) >= 82
    assert re.fullmatch(r"\^9\.\d+\.\d+", manifest["dependencies"]["vscode-languageclient"])
    assert (EXTENSION / manifest["main"]).is_file()


def test_activates_on_python_and_declares_what_the_script_uses(manifest, script):
    assert manifest["activationEvents"] == ["onLanguage:python"]
    properties = manifest["contributes"]["configuration"]["properties"]
    used = {f"mslint.{key}" for key in re.findall(r'config\.get\("([A-Za-z.]+)"\)', script)}
    assert used and used <= set(properties)
    commands = {command["command"] for command in manifest["contributes"]["commands"]}
    assert commands == set(re.findall(r'registerCommand\("([\w.]+)"', script))
    assert {"activate", "deactivate"} <= set(re.findall(r"module\.exports = \{ (\w+), (\w+) \}", script)[0])


def test_settings_are_the_tool_mslint_keys(manifest):
    settings = manifest["contributes"]["configuration"]["properties"]["mslint.settings"]["properties"]
    assert set(settings) == set(config.OPTIONS_BY_KEY)
    choices = {"target": config.TARGETS, "profile": config.PROFILES, "jit-syntax-level": config.JIT_SYNTAX_LEVELS, "origin": config.ORIGINS, "graph-mode": config.GRAPH_MODES,
               "route": config.ROUTES, "fail-on": config.FAIL_ON_LEVELS}
    assert {key: tuple(value["enum"]) for key, value in settings.items() if "enum" in value} == choices


def test_script_starts_the_server_and_parses(script):
    assert '["-m", "mslint", "server"]' in script and '"server"]' in script
    subprocess.run(["node", "--check", str(EXTENSION / "extension.js")], check=True)


def _json_blocks() -> list[dict]:
    text = (ROOT / "docs" / "ide.md").read_text(encoding="utf-8")
    return [json.loads(block) for block in re.findall(r"```json\n(.*?)```", text, re.DOTALL)]


def test_documented_settings_are_real(manifest):
    from mslint.server.linting import given_settings
    from mslint.server.protocol import SERVER_OPTIONS

    (server,) = [block for block in _json_blocks() if "lint-on-change" in block]
    config.resolve_settings(given_settings({key: value for key, value in server.items() if key not in SERVER_OPTIONS}), {})
    assert set(SERVER_OPTIONS) <= set(server)
    (vscode,) = [block for block in _json_blocks() if "mslint.interpreter" in block]
    properties = manifest["contributes"]["configuration"]["properties"]
    assert {key for key in vscode if key.startswith("mslint.")} <= set(properties)
    config.resolve_settings(given_settings(vscode["mslint.settings"]), {})
    assert vscode["[python]"]["editor.codeActionsOnSave"] == {"source.fixAll.mslint": "explicit"}
