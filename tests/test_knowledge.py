"""The shipped knowledge base (mslint/knowledge/data), read without importing MindSpore or PyTorch."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ORACLE_CASES = ROOT / "tests" / "oracle" / "oracle_cases.py"


def test_loaders_do_not_import_the_frameworks() -> None:
    """How fast they load is measured by benchmarks/load_times.py, not asserted here."""
    code = (
        "import sys; import mslint.knowledge.mappings as k; m = k.load_torch_mapping(); s = k.load_signatures(); "
        "assert 'torch' not in sys.modules and 'mindspore' not in sys.modules; "
        "assert s.exists('mindspore.Tensor.view') and s.exists('mindspore.Tensor.detach') is False; "
        "assert m['torch.nn.Linear'].ms == 'mindspore.nn.Linear'"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 0, proc.stderr


def test_verified_entries_have_oracle_cases() -> None:
    """Each mapping entry marked verified has a case in tests/oracle/oracle_cases.py, run against PyTorch there."""
    mapping = json.loads((ROOT / "mslint" / "knowledge" / "data" / "torch_mapping.json").read_text(encoding="utf-8"))["entries"]
    verified = sorted(name for name, entry in mapping.items() if entry["verified"])
    spec = importlib.util.spec_from_file_location("oracle_cases", ORACLE_CASES)
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    assert len(verified) >= 120
    assert sorted(cases.CASES) == verified, "verified flags and oracle cases disagree; rerun scripts/gen_torch_mapping.py"
