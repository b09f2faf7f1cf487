"""Shape of ``mslint/knowledge/data/default_diffs.json`` (no framework needed; the oracle test re-runs the rows)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = json.loads((ROOT / "mslint" / "knowledge" / "data" / "default_diffs.json").read_text(encoding="utf-8"))
MAPPING = json.loads((ROOT / "mslint" / "knowledge" / "data" / "torch_mapping.json").read_text(encoding="utf-8"))["entries"]
SECTION = DATA["versions"]["2.10"]
ROWS = [(t, m, row) for t, targets in SECTION["apis"].items() for m, record in targets.items() for row in record["rows"]]


def test_keyed_by_mindspore_version() -> None:
    assert DATA["meta"]["mindspore"].startswith("2.10.")
    assert set(DATA["versions"]) == {"2.10"}


def test_every_mapped_pair_is_accounted_for() -> None:
    seen = set(SECTION["agree"]) | set(SECTION["not_checked"]) | {f"{t} -> {m}" for t, targets in SECTION["apis"].items() for m in targets}
    mapped = {f"{t} -> {e['ms']}" for t, e in MAPPING.items() if e["ms"]}
    assert mapped <= seen
    assert SECTION["counts"]["pairs"] == len(seen)


def test_rows_say_what_was_found_and_how() -> None:
    for _, _, row in ROWS:
        assert row["effect"] in DATA["meta"]["effects"]
        assert row["source"]
        assert {"torch_param", "torch_default", "ms_param", "ms_default"} <= set(row)
        if row["effect"] == "not-comparable":
            assert row["reason"]


def test_differs_rows_carry_a_verified_fix_or_initial_values() -> None:
    for t, m, row in ROWS:
        if row["effect"] != "differs":
            continue
        if "init" in row:
            assert row["init"]["ks_p"] < 1e-4
            continue
        assert row["fix"] and row["fixed_max_abs_diff"] is not None, (t, m, row)
        assert SECTION["apis"][t][m]["fixes"][row["ms_param"]] == row["fix"][row["ms_param"]]


def test_known_differences_are_in_the_table() -> None:
    def effect(torch_name: str, ms_name: str, ms_param: str) -> str:
        return next(r["effect"] for r in SECTION["apis"][torch_name][ms_name]["rows"] if r["ms_param"] == ms_param)

    assert effect("torch.nn.functional.leaky_relu", "mindspore.ops.leaky_relu", "alpha") == "differs"
    assert effect("torch.nn.LayerNorm", "mindspore.nn.LayerNorm", "epsilon") == "differs"
    assert effect("torch.nn.BatchNorm2d", "mindspore.nn.BatchNorm2d", "momentum") == "same-behaviour"
    assert effect("torch.nn.Conv2d", "mindspore.nn.Conv2d", "pad_mode") == "differs"
    assert effect("torch.nn.Conv2d", "mindspore.nn.Conv2d", "has_bias") == "differs"
    assert effect("torch.nn.Embedding", "mindspore.nn.Embedding", "embedding_table") == "differs"
