"""Oracle: run every graph-rule card under MindSpore 2.10 and check the claims in mslint.graph_facts.

Each (config, batch of card files) runs in a fresh ``graph_runner.py`` subprocess;
batches run on ``MSLINT_ORACLE_WORKERS`` (default 2) workers. Every card file is
imported as a new module, so Cell classes and their compile caches are never
shared. ``MSLINT_ORACLE_BATCH=1`` runs each (file, config) in its own process.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import math
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from mslint.graph_facts import GRAPH_FACTS, LEVELS, NOT_FLAGGED, GraphFact

ROOT = Path(__file__).resolve().parents[2]
CARDS = ROOT / "mslint" / "cards"
NOT_FLAGGED_PROBES = Path(__file__).with_name("not_flagged")
RUNNER = Path(__file__).with_name("graph_runner.py")
MARK = "@@CARD "
CONFIGS = ("pynative", *LEVELS)
FACTS = {fact.symbol: fact for fact in GRAPH_FACTS}

needs_mindspore = pytest.mark.skipif(importlib.util.find_spec("mindspore") is None, reason="mindspore is not installed")


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


# ---- static checks on the catalogue and the card files --------------------------------------


def test_catalogue_matches_card_folders() -> None:
    """Every record has a card folder and vice versa; symbols are unique."""
    assert len(FACTS) == len(GRAPH_FACTS)
    assert set(FACTS) == {p.name for p in CARDS.iterdir() if p.is_dir() and p.name.startswith("ms-graph-")}


@pytest.mark.parametrize("fact", GRAPH_FACTS, ids=lambda f: f.symbol)
def test_record_is_well_formed(fact: GraphFact) -> None:
    """Field values stay within the project's vocabulary."""
    assert re.fullmatch(r"ms-graph-[a-z0-9]+(-[a-z0-9]+)*", fact.symbol)
    assert fact.kind in {"compile-error", "diverges", "slow-dynamic"}
    assert fact.levels and fact.levels <= set(LEVELS)
    assert fact.verified_on == "2.10.0"
    assert fact.construct and fact.why and fact.rewrite and fact.ast_pattern
    if fact.kind == "compile-error":
        assert set(fact.raises) == fact.levels
    else:
        assert not fact.raises
    if fact.pynative_raises and fact.kind != "compile-error":
        assert fact.kind == "diverges" and fact.levels == set(LEVELS)  # graph compiles what PyNative rejects


@pytest.mark.parametrize("fact", GRAPH_FACTS, ids=lambda f: f.symbol)
def test_card_files_follow_format(fact: GraphFact) -> None:
    """Docstring first line, demo() defined, markers only in bad.py."""
    for name in ("bad.py", "good.py"):
        text = (CARDS / fact.symbol / name).read_text()
        assert re.fullmatch(r'""".+\."""', text.splitlines()[0]), name
        assert "pylint" not in text, name
        tree = ast.parse(text)
        assert any(isinstance(n, ast.FunctionDef) and n.name == "demo" for n in tree.body), name
    bad = (CARDS / fact.symbol / "bad.py").read_text()
    assert f"# [{fact.symbol}]" in bad
    assert set(re.findall(r"# \[(ms-[a-z0-9-]+)\]", bad)) == {fact.symbol}
    assert "# [" not in (CARDS / fact.symbol / "good.py").read_text()


def test_not_flagged_entries_cite_probes() -> None:
    """Every NOT_FLAGGED entry names a probe; every local probe file is cited and exists."""
    assert NOT_FLAGGED and all(entry.construct and entry.probe for entry in NOT_FLAGGED)
    cited = set(re.findall(r"not_flagged/(\w+\.py)", " ".join(entry.probe for entry in NOT_FLAGGED)))
    assert cited == {path.name for path in NOT_FLAGGED_PROBES.glob("*.py")}


def test_docs_table_lists_every_rule() -> None:
    """docs/graph_mode.md has one row per rule with its kind and levels."""
    doc = (ROOT / "docs" / "graph_mode.md").read_text()
    for fact in GRAPH_FACTS:
        levels = ", ".join(level for level in LEVELS if level in fact.levels)
        assert f"| `{fact.symbol}` | {fact.kind} | {levels} |" in doc, fact.symbol


# ---- oracle runs ------------------------------------------------------------------------------


@needs_mindspore
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
        assert got["ok"], where
        if level in fact.levels and fact.kind == "diverges":
            assert not ref["ok"] or not same(got["obs"], ref["obs"]), where
        elif fact.kind != "compile-error":
            assert same(got["obs"], ref["obs"]), where


@needs_mindspore
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


@needs_mindspore
@pytest.mark.parametrize("probe", sorted(p.name for p in NOT_FLAGGED_PROBES.glob("*.py")))
def test_not_flagged_probe_compiles_and_matches(probe: str, oracle: dict) -> None:
    """NOT_FLAGGED probes compile at every level and equal their PyNative run."""
    ref = oracle[("pynative", f"not_flagged/{probe}")]
    assert ref["ok"], _outcome(ref)
    for level in LEVELS:
        got = oracle[(level, f"not_flagged/{probe}")]
        assert got["ok"] and same(got["obs"], ref["obs"]), f"{probe} @ {level}: {_outcome(got)} vs {_outcome(ref)}"
