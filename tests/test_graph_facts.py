"""The graph-mode catalogue (mslint.rules.graph.facts) and its card files, checked without MindSpore.

tests/oracle/test_graph_cards.py runs the cards under MindSpore to check the claims.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from helpers import CARDS

from mslint.rules.graph.facts import GRAPH_FACTS, LEVELS, NOT_FLAGGED, GraphFact

ROOT = Path(__file__).resolve().parent.parent
NOT_FLAGGED_PROBES = ROOT / "tests" / "oracle" / "not_flagged"
FACTS = {fact.symbol: fact for fact in GRAPH_FACTS}


def test_catalogue_matches_card_folders() -> None:
    """Every record has a card folder and vice versa; symbols are unique."""
    assert len(FACTS) == len(GRAPH_FACTS)
    graph_cards = ROOT / "mslint" / "rules" / "graph" / "cards"
    assert set(FACTS) == {p.name for p in graph_cards.iterdir() if p.is_dir() and p.name.startswith("ms-graph-")}


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
