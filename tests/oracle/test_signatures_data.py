"""The shipped data files equal what the generators produce from the installed packages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("script", "needs"), [("gen_signatures.py", "mindspore"), ("gen_torch_mapping.py", "torch"), ("gen_arg_types.py", "mindspore")]
)
def test_generated_file_is_up_to_date(script: str, needs: str) -> None:
    pytest.importorskip(needs)
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / script), "--check"], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_loader_is_fast_and_framework_free() -> None:
    code = (
        "import sys, time; t = time.perf_counter(); import mslint.knowledge as k; "
        "m = k.load_torch_mapping(); s = k.load_signatures(); dt = time.perf_counter() - t; "
        "assert 'torch' not in sys.modules and 'mindspore' not in sys.modules; "
        "assert s.exists('mindspore.Tensor.view') and s.exists('mindspore.Tensor.detach') is False; "
        "assert m['torch.nn.Linear'].ms == 'mindspore.nn.Linear'; print(dt)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert float(proc.stdout) < 0.2  # < 50 ms on a warm machine; generous bound for CI noise
