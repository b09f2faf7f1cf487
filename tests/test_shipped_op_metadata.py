"""The shipped op metadata (mslint/knowledge/data/ms_ops.json) and Ascend pitfalls, read without MindSpore.

tests/oracle/test_ops_metadata.py checks them against the installed MindSpore.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from mslint.knowledge.ascend_constraints import constraints_for
from mslint.knowledge.ops_metadata import load_ascend_pitfalls, load_op_metadata

ROOT = Path(__file__).resolve().parent.parent


def test_size_and_coverage() -> None:
    path = ROOT / "mslint" / "knowledge" / "data" / "ms_ops.json"
    assert path.stat().st_size < 1_500_000
    table = load_op_metadata()
    assert len(table) >= 2000
    assert sum(op.platforms_known for op in table) >= 2000
    namespaces = {op.qualname.rsplit(".", 1)[0] for op in table}
    assert {"mindspore.ops", "mindspore.nn", "mindspore.mint", "mindspore.mint.nn",
            "mindspore.mint.nn.functional", "mindspore.Tensor"} <= namespaces


def test_loader_does_not_import_mindspore() -> None:
    """How fast it loads is measured by benchmarks/load_times.py, not asserted here."""
    code = "import sys\nfrom mslint.knowledge.ops_metadata import load_op_metadata; load_op_metadata()\nprint('mindspore' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False"]


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
    text = (ROOT / "mslint" / "knowledge" / "data" / "ascend_pitfalls.json").read_text(encoding="utf-8")
    assert text == json.dumps(json.loads(text), indent=1, sort_keys=True, ensure_ascii=False) + "\n"
