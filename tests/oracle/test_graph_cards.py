"""Oracle: run every graph-rule card under MindSpore 2.10 and check the claims in mslint.rules.graph.facts
(tests/test_graph_facts.py checks the catalogue and the card files without MindSpore).

Each (config, batch of card files) runs in a fresh ``graph_runner.py`` subprocess;
batches run on ``MSLINT_ORACLE_WORKERS`` (default 2) workers. Every card file is
imported as a new module, so Cell classes and their compile caches are never
shared. ``MSLINT_ORACLE_BATCH=1`` runs each (file, config) in its own process.
"""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from helpers import CARDS

from mslint.rules.graph.facts import GRAPH_FACTS, LEVELS, GraphFact

ROOT = Path(__file__).resolve().parents[2]
NOT_FLAGGED_PROBES = Path(__file__).with_name("not_flagged")
RUNNER = Path(__file__).with_name("graph_runner.py")
MARK = "@@CARD "
CONFIGS = ("pynative", *LEVELS)


def _run_batch(config: str, files: list[Path]) -> dict[tuple[str, str], dict[str, Any]]:
    """Run one runner subprocess; map (config, 'symbol/file.py') to its result."""
    env = {**os.environ, "GLOG_v": "3"}
    proc = subprocess.run(
        [sys.executable, str(RUNNER), config, *map(str, files)],
        capture_output=True,
        text=True,
        env=env,
        timeout=600,
        check=False,
    )
    results = {}
    for line in proc.stdout.splitlines():
        if line.startswith(MARK):
            record = json.loads(line[len(MARK) :])
            path = Path(record["file"])
            results[(config, f"{path.parent.name}/{path.name}")] = record
    for path in files:
        results.setdefault(
            (config, f"{path.parent.name}/{path.name}"),
            {"ok": False, "error": "RunnerCrash", "message": proc.stderr[-2000:]},
        )
    return results


@pytest.fixture(scope="session")
def oracle() -> dict[tuple[str, str], dict[str, Any]]:
    """Run all card files under all configs once per session."""
    files = sorted(CARDS.glob("*/*.py")) + sorted(NOT_FLAGGED_PROBES.glob("*.py"))
    workers = int(os.environ.get("MSLINT_ORACLE_WORKERS", "2"))
    size = int(os.environ.get("MSLINT_ORACLE_BATCH", "0")) or math.ceil(len(files) / workers)
    jobs = [(config, files[i : i + size]) for config in CONFIGS for i in range(0, len(files), size)]
    results: dict[tuple[str, str], dict[str, Any]] = {}
    with ThreadPoolExecutor(workers) as pool:
        for batch in pool.map(lambda job: _run_batch(*job), jobs):
            results.update(batch)
    return results


def same(a: Any, b: Any) -> bool:
    """Structural equality with a float tolerance."""
    if isinstance(a, float) or isinstance(b, float):
        return isinstance(a, (int, float)) and isinstance(b, (int, float)) and math.isclose(a, b, rel_tol=1e-5)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    return a == b


def _outcome(result: dict[str, Any]) -> str:
    """Short text of a runner result for assertion messages."""
    return f"OK {result['obs']!r}" if result["ok"] else f"ERR {result['error']}: {result['message']}"


# ---- oracle runs ------------------------------------------------------------------------------


@pytest.mark.parametrize("fact", GRAPH_FACTS, ids=lambda f: f.symbol)
def test_bad_card_behaves_as_claimed(fact: GraphFact, oracle: dict) -> None:
    """Claimed levels fail/diverge as recorded; unclaimed levels compile (and match for diverges).

    A record with ``pynative_raises`` claims that PyNative fails too (with that exception); a diverges
    record with it claims that graph mode compiles what PyNative rejects.
    """
    ref = oracle[("pynative", f"{fact.symbol}/bad.py")]
    if fact.pynative_raises:
        assert not ref["ok"] and ref["error"] == fact.pynative_raises, f"PyNative: {_outcome(ref)}"
    else:
        assert ref["ok"], f"PyNative reference failed: {_outcome(ref)}"
    for level in LEVELS:
        got = oracle[(level, f"{fact.symbol}/bad.py")]
        where = f"{fact.symbol} @ {level}: {_outcome(got)} vs PyNative {_outcome(ref)}"
        if level in fact.levels and fact.kind == "compile-error":
            assert not got["ok"] and got["error"] == fact.raises[level], where
            continue
        if level in fact.differs and not got["ok"]:
            continue  # claimed to go wrong here: a run error is not PyNative's result either (set_train at LAX varies)
        assert got["ok"], where
        if level in fact.levels and fact.kind == "diverges" or level in fact.differs:
            assert not ref["ok"] or not same(got["obs"], ref["obs"]), where
        elif fact.kind != "compile-error":
            assert same(got["obs"], ref["obs"]), where


@pytest.mark.parametrize("fact", GRAPH_FACTS, ids=lambda f: f.symbol)
def test_good_card_matches_pynative(fact: GraphFact, oracle: dict) -> None:
    """The rewrite compiles at every level and matches its PyNative run."""
    ref = oracle[("pynative", f"{fact.symbol}/good.py")]
    assert ref["ok"], f"PyNative reference failed: {_outcome(ref)}"
    for level in LEVELS:
        got = oracle[(level, f"{fact.symbol}/good.py")]
        assert got["ok"] and same(
            got["obs"], ref["obs"]
        ), f"{fact.symbol} @ {level}: {_outcome(got)} vs {_outcome(ref)}"


@pytest.mark.parametrize("probe", sorted(p.name for p in NOT_FLAGGED_PROBES.glob("*.py")))
def test_not_flagged_probe_compiles_and_matches(probe: str, oracle: dict) -> None:
    """NOT_FLAGGED probes compile at every level and equal their PyNative run."""
    ref = oracle[("pynative", f"not_flagged/{probe}")]
    assert ref["ok"], _outcome(ref)
    for level in LEVELS:
        got = oracle[(level, f"not_flagged/{probe}")]
        assert got["ok"] and same(got["obs"], ref["obs"]), f"{probe} @ {level}: {_outcome(got)} vs {_outcome(ref)}"
