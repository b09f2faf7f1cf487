"""Re-run a seeded sample of the argument-type claims of mslint/knowledge/data/ms_surface.json: the accepted call
runs and the recorded literal raises the recorded TypeError (``--check`` reuses these outcomes)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import gen_ms_surface  # noqa: E402  # pylint: disable=wrong-import-position
import surface_introspect  # noqa: E402  # pylint: disable=wrong-import-position
import surface_probes  # noqa: E402  # pylint: disable=wrong-import-position

SEED = 2024
SAMPLE = 200


def test_sampled_type_claims_raise() -> None:
    shipped = gen_ms_surface.shipped_record()["arg_types"]
    module_table, class_table, function_table, registry = surface_introspect.collect(surface_introspect.import_modules())
    items = {item["id"]: item for item in gen_ms_surface.type_items(module_table, class_table, function_table, registry)}
    claims = sorted((key, name, kind) for key, params in shipped.items() for name, entry in params.items() for kind in entry.get("rejects", {}))
    sample = random.Random(SEED).sample(claims, min(SAMPLE, len(claims)))
    probes = []
    for key, name, kind in sample:
        item = items[f"{key}|{name}"]
        probes.append({"id": f"{key}|{name}|{kind}", "code": [item["code"][0], item["code"][1 + item["kinds"].index(kind)]]})
    results = surface_probes.run("eval", probes)
    for (key, name, kind), probe in zip(sample, probes):
        accepted, rejected = results[probe["id"]]["results"]
        assert accepted == "ok", (probe["code"][0], accepted)
        assert rejected == shipped[key][name]["rejects"][kind], (probe["code"][1], rejected)
