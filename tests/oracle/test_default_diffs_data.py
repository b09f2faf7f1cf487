"""``mslint/knowledge/data/default_diffs.json`` is what ``scripts/gen_default_diffs.py`` produces, and its rows still hold.

The ``--check`` regenerates the table (both frameworks run every pair, about a minute on 2 cores). The other tests
re-run each ``differs`` and ``same-behaviour`` row from the JSON alone (case, translation, fixes), so a row that stops
being true on a new MindSpore fails here even before the table is regenerated.
"""

from __future__ import annotations

import json
import subprocess
import sys
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from helpers import require

require("torch")
ms = require("mindspore")

from default_diffs_runner import KS_P_DIFFERS, Pair, init_comparison  # noqa: E402 - after the framework checks

ROOT = Path(__file__).resolve().parents[2]
DATA = json.loads((ROOT / "mslint" / "knowledge" / "data" / "default_diffs.json").read_text(encoding="utf-8"))
APIS = DATA["versions"]["2.10"]["apis"]
ROWS = [(torch_name, ms_name, row.get("parameter") or row["ms_param"]) for torch_name, targets in APIS.items()
        for ms_name, record in targets.items() for row in record["rows"] if row["effect"] in ("differs", "same-behaviour")]


@pytest.fixture(autouse=True, scope="module")
def _pynative() -> None:
    ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")


@cache
def pair(torch_name: str, ms_name: str) -> Pair:
    """The recorded pair with torch already run (shared by its rows)."""
    record = APIS[torch_name][ms_name]
    return Pair({"torch": torch_name, "ms": ms_name, "translation": record["translation"], "case": record["case"]})


def row_of(torch_name: str, ms_name: str, key: str) -> dict[str, Any]:
    """The row of a pair for a MindSpore parameter (or, for initial values, a MindSpore Parameter)."""
    return next(r for r in APIS[torch_name][ms_name]["rows"] if (r.get("parameter") or r["ms_param"]) == key)


def test_generated_file_is_up_to_date() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_default_diffs.py"), "--check"], capture_output=True, text=True,
                          cwd=ROOT, timeout=900, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]


@pytest.mark.parametrize(("torch_name", "ms_name", "key"), ROWS)
def test_row_still_holds(torch_name: str, ms_name: str, key: str) -> None:
    row, record, p = row_of(torch_name, ms_name, key), APIS[torch_name][ms_name], pair(torch_name, ms_name)
    if "init" in row:
        assert init_comparison(p, {})[key]["ks_p"] < KS_P_DIFFERS, "initial values now agree in distribution"
        if "fix" in row:
            assert init_comparison(p, row["fix"])[key]["ks_p"] >= KS_P_DIFFERS, f"{row['fix']} no longer reproduces torch's initial values"
        return
    fixes = record.get("fixes", {})
    others = {name: expr for name, expr in fixes.items() if name != key}
    if row["effect"] == "same-behaviour":
        assert p.run(others).agree, f"{key}'s MindSpore default no longer behaves like torch's"
        return
    assert not p.run({}).agree, "MindSpore's defaults now agree with torch"
    assert p.run(fixes).agree, f"passing {fixes} no longer reproduces torch"
    assert not p.run(others).agree, f"{key} no longer matters: MindSpore agrees without {row['fix']}"
