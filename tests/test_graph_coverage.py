"""The coverage table of reported GRAPH_MODE errors (mslint/knowledge/data/graph_coverage.toml) is consistent."""

from __future__ import annotations

import re
from pathlib import Path

from mslint.outputs.docs import graph_coverage_table
from mslint.rules.catalog import all_rules
from mslint.rules.graph.facts import COVERAGE_STATUSES, coverage

ROOT = Path(__file__).resolve().parents[1]
NOT_FLAGGED = ROOT / "tests" / "oracle" / "not_flagged"
PYLINT_MESSAGE = re.compile(r"E\d{4} [a-z-]+")


def test_every_row_has_a_known_status_and_an_answer():
    symbols = {rule.symbol for rule in all_rules()}
    for entry in coverage():
        assert entry.status in COVERAGE_STATUSES, entry.id
        if entry.status == "rule":
            named = [name.strip() for name in entry.rule.split(",")]
            assert named and set(named) <= symbols, (entry.id, named)
        elif entry.status == "pylint":
            assert all(PYLINT_MESSAGE.fullmatch(part.strip()) for part in entry.rule.split(" / ")), entry.id
        elif entry.status == "works":
            assert entry.evidence, entry.id
        elif entry.status != "info":
            assert entry.note or entry.evidence, entry.id


def test_not_flagged_evidence_exists():
    for entry in coverage():
        for name in re.findall(r"not_flagged/(\w+\.py)", entry.evidence):
            assert (NOT_FLAGGED / name).is_file(), (entry.id, name)


def test_troubleshooter_knowledge_base_is_covered_entry_by_entry():
    """compiler_exp_lib.py at e0486ee: 26 specific entries (compiler_id_1 twice) and 2 general ones."""
    rows = [entry for entry in coverage() if entry.source == "troubleshooter"]
    assert sum(entry.count for entry in rows) == 28
    named = {number for entry in rows for number in re.findall(r"compiler_id_(\d+)", entry.id)}
    assert named == {str(number) for number in range(1, 26)}


def test_docs_show_the_table():
    doc = (ROOT / "docs" / "graph_mode.md").read_text(encoding="utf-8")
    assert graph_coverage_table() in doc
