"""mslint/knowledge/data/ms_surface.json equals what scripts/gen_ms_surface.py reads from the installed MindSpore.

The check re-runs the introspection, the instance builds and the Tensor-swap sample; the outcomes of the slow
probes (argument types, graph forms) come from the shipped file and are re-run by test_ms_surface_oracle.py.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_surface_is_up_to_date() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_ms_surface.py"), "--check"], capture_output=True,
                          text=True, cwd=ROOT, timeout=300, env={**os.environ, "GLOG_v": "3"}, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr[-2000:]
