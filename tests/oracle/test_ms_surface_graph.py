"""Re-run every Tensor call form that mslint/knowledge/data/ms_surface.json records as running in PyNative but
failing in GRAPH_MODE (``graph_narrower``), at both syntax levels (``--check`` reuses these outcomes)."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import gen_ms_surface  # noqa: E402  # pylint: disable=wrong-import-position
import surface_probes  # noqa: E402  # pylint: disable=wrong-import-position

LEVELS = ("graph_lax", "graph_strict")


def _error_class(outcome: str) -> str:
    """``ok`` or the exception class of an outcome (messages may name graph nodes)."""
    return outcome.split(":", 1)[0]


def test_graph_narrower_forms_fail_only_in_graph_mode() -> None:
    shipped = gen_ms_surface.shipped_record()
    forms = gen_ms_surface.forms_from(shipped["graph_forms"])
    narrower = shipped["graph_narrower"]
    assert narrower, "no graph-narrower form recorded"
    pynative = surface_probes.run("eval", [{"id": form, "code": [form]} for form in narrower])
    compiled = [{"id": form, "code": form} for form in narrower]
    graph = {level: surface_probes.run(level.replace("_", "-"), compiled) for level in LEVELS}
    for form, fact in narrower.items():
        assert pynative[form]["results"] == ["ok"], (form, pynative[form])
        for level in LEVELS:
            got = graph[level][form]["results"][0]
            assert _error_class(got) == _error_class(forms[form][level]), (form, level, got, forms[form][level])
            assert (level in fact["levels"]) == (got != "ok"), (form, level, got)
