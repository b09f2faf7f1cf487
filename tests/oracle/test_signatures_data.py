"""The shipped data files equal what the generators produce from the installed packages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import require

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("script", "needs"), [("gen_signatures.py", "mindspore"), ("gen_torch_mapping.py", "torch"), ("gen_arg_types.py", "mindspore")]
)
def test_generated_file_is_up_to_date(script: str, needs: str) -> None:
    require(needs)
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--check"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
