"""Oracle tests: shipped op metadata vs the installed MindSpore (CPU backend)."""
from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mslint.ascend_constraints import constraints_for
from mslint.ops_metadata import load_ascend_pitfalls, load_op_metadata

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "GLOG_v": "3"}
needs_mindspore = pytest.mark.skipif(
    importlib.util.find_spec("mindspore") is None, reason="mindspore not installed"
)
PRELUDE = "import numpy as np, mindspore as ms\nfrom mindspore import mint, nn, ops\n"


def run_ms(code: str) -> subprocess.CompletedProcess[str]:
    """Run MindSpore code in a fresh process (kernel errors can surface asynchronously)."""
    return subprocess.run([sys.executable, "-c", PRELUDE + code], capture_output=True,
                          text=True, env=ENV, timeout=120, check=False)


# --- data file ---------------------------------------------------------------------------

@needs_mindspore
def test_regenerating_equals_shipped_file() -> None:
    proc = subprocess.run([sys.executable, "scripts/gen_op_metadata.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, env=ENV, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


@needs_mindspore
def test_header_matches_installed_mindspore() -> None:
    from importlib.metadata import version

    assert load_op_metadata().mindspore_version == version("mindspore")


def test_size_and_coverage() -> None:
    path = ROOT / "mslint" / "data" / "ms_ops.json"
    assert path.stat().st_size < 1_500_000
    table = load_op_metadata()
    assert len(table) >= 2000
    assert sum(op.platforms_known for op in table) >= 2000
    namespaces = {op.qualname.rsplit(".", 1)[0] for op in table}
    assert {"mindspore.ops", "mindspore.nn", "mindspore.mint", "mindspore.mint.nn",
            "mindspore.mint.nn.functional", "mindspore.Tensor"} <= namespaces


def test_loader_is_fast_and_does_not_import_mindspore() -> None:
    code = ("import sys, time; t = time.perf_counter()\n"
            "from mslint.ops_metadata import load_op_metadata; load_op_metadata()\n"
            "print(time.perf_counter() - t, 'mindspore' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.split()
    assert out[1] == "False"
    assert float(out[0]) < 0.05


def test_load_is_cached() -> None:
    assert load_op_metadata() is load_op_metadata()


# --- spot checks against docstring facts ---------------------------------------------

def test_einsum_platforms_and_mint_alternative() -> None:
    table = load_op_metadata()
    einsum = table.get("mindspore.ops.einsum")
    assert einsum is not None and einsum.platforms == {"GPU"}
    assert not einsum.supports_ascend
    assert einsum.mint_alternative == "mindspore.mint.einsum"
    assert table.get("mindspore.mint.einsum").platforms == {"Ascend"}
    assert table.get("mindspore.ops.Einsum").platforms == {"GPU"}


def test_aliases_resolve_to_canonical_names() -> None:
    table = load_op_metadata()
    assert table.canonical("mindspore.ops.operations.Einsum") == "mindspore.ops.Einsum"
    assert table.canonical("mindspore.ops.function.einsum") == "mindspore.ops.einsum"
    assert table.canonical("mindspore.ops.function.math_func.einsum") == "mindspore.ops.einsum"
    assert table.canonical("mindspore.common.tensor.Tensor.repeat") == "mindspore.Tensor.repeat"
    assert table.get("mindspore.nn.layer.pooling.MaxPool2d") is table.get("mindspore.nn.MaxPool2d")
    assert table.get("mindspore.ops.no_such_op") is None


def test_cpu_unsupported_per_docstring() -> None:
    repeat = load_op_metadata().get("mindspore.Tensor.repeat")
    assert repeat.platforms == {"Ascend"} and repeat.supports_platform("CPU") is False


def test_ascend_note_and_pitfall_for_gather() -> None:
    gather = load_op_metadata().get("mindspore.ops.operations.Gather")
    assert gather.qualname == "mindspore.ops.Gather"
    assert gather.platforms_from == "mindspore.ops.gather"
    assert any("On Ascend, the results may be undefined." in n for n in gather.ascend_notes)
    assert [(c.rule, c.source_api) for c in constraints_for("mindspore.ops.gather")] == [
        ("ms-ascend-index-unchecked", "mindspore.ops.gather")
    ]


def test_float64_unsupported_on_ascend() -> None:
    table = load_op_metadata()
    for name in ("mindspore.ops.MatMul", "mindspore.ops.mm", "mindspore.ops.kl_div"):
        assert "float64" in table.get(name).unsupported_dtypes_ascend, name
    assert table.get("mindspore.nn.Conv3d").only_dtypes["Ascend"] == {"float16"}


def test_deprecation_and_version_changes() -> None:
    table = load_op_metadata()
    adagrad = table.get("mindspore.ops.ApplyAdagradDA")
    assert adagrad.deprecated and adagrad.deprecated_since == "2.10.0"
    std = table.get("mindspore.ops.std")
    assert not std.deprecated
    assert [c.version for c in std.changes_after] == ["2.9.0"]
    assert "correction=1" in std.changes_after[0].text


def test_dynamic_shape_ops() -> None:
    table = load_op_metadata()
    for name in ("mindspore.ops.nonzero", "mindspore.ops.unique", "mindspore.ops.masked_select",
                 "mindspore.Tensor.nonzero", "mindspore.mint.unique", "mindspore.ops.MaskedSelect"):
        assert table.get(name).dynamic_shape is not None, name
    assert table.get("mindspore.ops.add").dynamic_shape is None


def test_doc_url() -> None:
    table = load_op_metadata()
    assert table.get("mindspore.nn.MaxPool2d").doc_url.endswith("/api_python/nn/mindspore.nn.MaxPool2d.html")
    assert "/api_python/mint/mindspore.mint.nn.functional.relu.html" in table.get(
        "mindspore.mint.nn.functional.relu").doc_url


# --- curated pitfalls ------------------------------------------------------------------

def test_pitfalls_are_sourced_and_quotes_are_verbatim() -> None:
    table = load_op_metadata()
    pitfalls = load_ascend_pitfalls()
    ids = {p.id for p in pitfalls}
    assert len(ids) == len(pitfalls) >= 5
    for pitfall in pitfalls:
        assert pitfall.sources and pitfall.versions, pitfall.id
        assert all(table.get(api) is not None and table.canonical(api) == api for api in pitfall.apis), pitfall.id
        if pitfall.quote_api:
            assert pitfall.quote in table.get(pitfall.quote_api).ascend_notes, pitfall.id


def test_pitfall_file_is_sorted_json() -> None:
    text = (ROOT / "mslint" / "data" / "ascend_pitfalls.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=1, sort_keys=True, ensure_ascii=False) + "\n"


# --- CPU behaviour predicted by the metadata (MindSpore 2.10, CPU wheel) -------------

CPU_FAILS = {
    "mindspore.ops.einsum": "ops.einsum('ij->ji', ms.Tensor(np.ones((2, 3), np.float32))).asnumpy()",
    "mindspore.mint.argmax": "mint.argmax(ms.Tensor(np.ones((2, 3), np.float32))).asnumpy()",
    "mindspore.Tensor.repeat": "ms.Tensor(np.ones((2, 3), np.float32)).repeat(2, 1).asnumpy()",
    "mindspore.mint.nn.Conv2d": "mint.nn.Conv2d(3, 4, 3)(ms.Tensor(np.ones((1, 3, 8, 8), np.float32))).asnumpy()",
}


@needs_mindspore
@pytest.mark.parametrize("qualname", sorted(CPU_FAILS))
def test_documented_without_cpu_fails_on_cpu(qualname: str) -> None:
    assert load_op_metadata().get(qualname).supports_platform("CPU") is False
    proc = run_ms(CPU_FAILS[qualname])
    assert proc.returncode != 0
    assert "Error" in proc.stderr


@needs_mindspore
def test_documented_cpu_only_op_runs_on_cpu() -> None:
    assert load_op_metadata().get("mindspore.ops.randperm").platforms == {"CPU"}
    proc = run_ms("print(sorted(ops.randperm(ms.Tensor([5], ms.int32)).asnumpy().tolist()))")
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[0, 1, 2, 3, 4]"


@needs_mindspore
def test_documented_cpu_dtype_limit_rejects_float64() -> None:
    info = load_op_metadata().get("mindspore.nn.Conv3dTranspose")
    assert info.only_dtypes["CPU"] == {"float16", "float32"}
    conv = "nn.Conv3dTranspose(2, 2, 2)(ms.Tensor(np.ones((1, 2, 4, 4, 4), np.{})))"
    assert run_ms(conv.format("float64")).returncode != 0
    assert run_ms(conv.format("float32") + ".asnumpy()").returncode == 0


@needs_mindspore
def test_gather_out_of_range_raises_on_cpu() -> None:
    """The docstring says CPU/GPU raise where Ascend is undefined; the CPU half is checkable."""
    proc = run_ms("ops.gather(ms.Tensor(np.ones((3, 2), np.float32)), ms.Tensor([5], ms.int32), 0).asnumpy()")
    assert proc.returncode != 0
