"""Oracle tests: shipped op metadata vs the installed MindSpore (CPU backend)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from mslint.knowledge.ops_metadata import load_op_metadata

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "GLOG_v": "3"}
PRELUDE = "import numpy as np, mindspore as ms\nfrom mindspore import mint, nn, ops\n"


def run_ms(code: str) -> subprocess.CompletedProcess[str]:
    """Run MindSpore code in a fresh process (kernel errors can surface asynchronously)."""
    return subprocess.run([sys.executable, "-c", PRELUDE + code], capture_output=True,
                          text=True, env=ENV, timeout=120, check=False)


# --- data file ---------------------------------------------------------------------------

def test_regenerating_equals_shipped_file() -> None:
    proc = subprocess.run([sys.executable, "scripts/gen_op_metadata.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, env=ENV, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_header_matches_installed_mindspore() -> None:
    from importlib.metadata import version

    assert load_op_metadata().mindspore_version == version("mindspore")


# --- CPU behaviour predicted by the metadata (MindSpore 2.10, CPU wheel) -------------

CPU_FAILS = {
    "mindspore.ops.einsum": "ops.einsum('ij->ji', ms.Tensor(np.ones((2, 3), np.float32))).asnumpy()",
    "mindspore.mint.argmax": "mint.argmax(ms.Tensor(np.ones((2, 3), np.float32))).asnumpy()",
    "mindspore.Tensor.repeat": "ms.Tensor(np.ones((2, 3), np.float32)).repeat(2, 1).asnumpy()",
    "mindspore.mint.nn.Conv2d": "mint.nn.Conv2d(3, 4, 3)(ms.Tensor(np.ones((1, 3, 8, 8), np.float32))).asnumpy()",
}


@pytest.mark.parametrize("qualname", sorted(CPU_FAILS))
def test_documented_without_cpu_fails_on_cpu(qualname: str) -> None:
    assert load_op_metadata().get(qualname).supports_platform("CPU") is False
    proc = run_ms(CPU_FAILS[qualname])
    assert proc.returncode != 0
    assert "Error" in proc.stderr


def test_documented_cpu_only_op_runs_on_cpu() -> None:
    assert load_op_metadata().get("mindspore.ops.randperm").platforms == {"CPU"}
    proc = run_ms("print(sorted(ops.randperm(ms.Tensor([5], ms.int32)).asnumpy().tolist()))")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[0, 1, 2, 3, 4]"


def test_documented_cpu_dtype_limit_rejects_float64() -> None:
    info = load_op_metadata().get("mindspore.nn.Conv3dTranspose")
    assert info.only_dtypes["CPU"] == {"float16", "float32"}
    conv = "nn.Conv3dTranspose(2, 2, 2)(ms.Tensor(np.ones((1, 2, 4, 4, 4), np.{})))"
    assert run_ms(conv.format("float64")).returncode != 0
    assert run_ms(conv.format("float32") + ".asnumpy()").returncode == 0


def test_gather_out_of_range_raises_on_cpu() -> None:
    """The docstring says CPU/GPU raise where Ascend is undefined; the CPU half is checkable."""
    proc = run_ms("ops.gather(ms.Tensor(np.ones((3, 2), np.float32)), ms.Tensor([5], ms.int32), 0).asnumpy()")
    assert proc.returncode != 0
