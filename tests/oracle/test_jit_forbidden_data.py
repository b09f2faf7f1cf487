"""mslint/knowledge/data/jit_forbidden.json equals what the installed MindSpore says, and every entry fails to compile.

The data is read from MindSpore's own forbidden-API registry (scripts/gen_jit_forbidden.py); the
oracle calls each Cell method and function in a construct under GRAPH_MODE at STRICT and LAX.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = json.loads((ROOT / "mslint" / "knowledge" / "data" / "jit_forbidden.json").read_text(encoding="utf-8"))
RUNNER = Path(__file__).with_name("jit_forbidden_runner.py")
FORBIDDEN = "is not supported in 'construct' or function with @jit decorator"


def test_jit_forbidden_data_matches_the_installed_mindspore():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_jit_forbidden.py"), "--check"],
                            capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, "mslint/knowledge/data/jit_forbidden.json is stale: run scripts/gen_jit_forbidden.py"


def test_data_names_the_apis_users_report():
    """issue 12: parameters_dict (through get_parameters), get_parameters and ms.get_context."""
    assert DATA["cell_methods"]["parameters_dict"] == "calls get_parameters"
    assert DATA["cell_methods"]["get_parameters"] == "jit-forbidden"
    assert DATA["functions"]["mindspore.get_context"] == "mindspore.context.get_context"
    assert "set_data" in DATA["object_methods"]


@pytest.fixture(scope="module", params=["strict", "lax"])
def oracle(request) -> dict[str, dict]:
    result = subprocess.run([sys.executable, str(RUNNER), request.param], capture_output=True, text=True,
                            timeout=900, env={**os.environ, "GLOG_v": "3"}, check=False)
    records = [json.loads(line[len("@@FORBIDDEN "):]) for line in result.stdout.splitlines() if line.startswith("@@FORBIDDEN ")]
    return {record["name"]: record for record in records}


def test_every_entry_fails_to_compile_with_its_reason(oracle):
    expected = {**DATA["cell_methods"], **{alias: "jit-forbidden" for alias in DATA["functions"]}}
    assert set(oracle) == set(expected)
    for name, reason in expected.items():
        got = oracle[name]
        assert not got["ok"] and got["error"] == "RuntimeError", (name, got)
        if reason == "generator":
            assert "Unsupported expression 'Yield'" in got["message"], (name, got)
        else:
            assert FORBIDDEN in got["message"], (name, got)
            if reason.startswith("calls "):
                assert f".{reason[len('calls '):]}'" in got["message"], (name, got)
