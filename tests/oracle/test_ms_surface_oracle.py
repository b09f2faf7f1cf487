"""Re-run the slow probes behind mslint/knowledge/data/ms_surface.json: a seeded sample of the argument-type claims
and every Tensor call form that runs in PyNative but not in GRAPH_MODE."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import gen_ms_surface  # noqa: E402  # pylint: disable=wrong-import-position
import surface_introspect  # noqa: E402  # pylint: disable=wrong-import-position
import surface_probes  # noqa: E402  # pylint: disable=wrong-import-position

SEED = 2024
SAMPLE = 200


@pytest.fixture(scope="module")
def shipped() -> dict[str, Any]:
    import mindspore

    data = json.loads(gen_ms_surface.OUT.read_text(encoding="utf-8"))
    return data["versions"][".".join(mindspore.__version__.split(".")[:2])]


def _kind(outcome: str) -> str:
    """``ok`` or the exception class of a recorded outcome."""
    return outcome.split(":", 1)[0]


def test_sampled_type_claims_raise(shipped: dict[str, Any]) -> None:
    module_table, class_table, function_table, registry = surface_introspect.collect(surface_introspect.import_modules())
    items = {item["id"]: item for item in gen_ms_surface.type_items(module_table, class_table, function_table, registry)}
    claims = sorted((key, name, kind) for key, params in shipped["arg_types"].items() for name, entry in params.items()
                    for kind in entry.get("rejects", {}))
    sample = random.Random(SEED).sample(claims, min(SAMPLE, len(claims)))
    probes = []
    for key, name, kind in sample:
        item = items[f"{key}|{name}"]
        probes.append({"id": f"{key}|{name}|{kind}", "code": [item["code"][0], item["code"][1 + item["kinds"].index(kind)]]})
    results = surface_probes.run("eval", probes)
    for (key, name, kind), probe in zip(sample, probes):
        accepted, rejected = results[probe["id"]]["results"]
        assert accepted == "ok", (probe["code"][0], accepted)
        assert rejected == shipped["arg_types"][key][name]["rejects"][kind], (probe["code"][1], rejected)


def test_graph_narrower_forms_fail_only_in_graph_mode(shipped: dict[str, Any]) -> None:
    forms = gen_ms_surface.forms_from(shipped["graph_forms"])
    narrower = shipped["graph_narrower"]
    assert narrower, "no graph-narrower form recorded"
    probes = [{"id": form, "code": [form]} for form in narrower]
    pynative = surface_probes.run("eval", probes)
    compiled = [{"id": form, "code": form} for form in narrower]
    graph = {"graph_lax": surface_probes.run("graph-lax", compiled), "graph_strict": surface_probes.run("graph-strict", compiled)}
    for form, fact in narrower.items():
        assert pynative[form]["results"] == ["ok"], (form, pynative[form])
        for level in ("graph_lax", "graph_strict"):
            got = graph[level][form]["results"][0]
            assert _kind(got) == _kind(forms[form][level]), (form, level, got, forms[form][level])
            assert (level in fact["levels"]) == (got != "ok"), (form, level, got)
