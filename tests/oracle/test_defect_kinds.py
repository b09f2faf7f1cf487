"""Every kind of the recall benchmark (benchmarks/defects/repros/) still shows its defect under the installed
MindSpore: bad() raises the expected exception (or differs from good()), and good() runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from functools import cache
from pathlib import Path

import pytest

from helpers import ROOT

DEFECTS = ROOT / "benchmarks" / "defects"
REPROS = sorted((DEFECTS / "repros").glob("*.py"))


@cache
def outcomes() -> dict[str, dict]:
    """Each repro run alone in a process (MindSpore's context is global), two at a time."""

    def run(path: Path) -> dict:
        proc = subprocess.run(
            [sys.executable, str(DEFECTS / "run_repro.py"), str(path)],
            capture_output=True, text=True, timeout=600, env={**os.environ, "GLOG_v": "3"}, cwd=DEFECTS,
        )
        lines = proc.stdout.strip().splitlines()
        return json.loads(lines[-1]) if lines else {"ok": False, "crash": proc.stderr[-2000:]}

    with ThreadPoolExecutor(2) as pool:
        return dict(zip((path.stem for path in REPROS), pool.map(run, REPROS)))


@pytest.mark.parametrize("kind", [path.stem for path in REPROS])
def test_repro_shows_its_defect(kind):
    assert outcomes()[kind]["ok"], outcomes()[kind]
