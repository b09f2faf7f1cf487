"""The shipped Cell facts equal what the installed MindSpore says (scripts/gen_cell_facts.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_cell_facts_match_the_installed_mindspore():
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_cell_facts.py"), "--check"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, "mslint/knowledge/data/cell_facts.json is stale: run scripts/gen_cell_facts.py"
