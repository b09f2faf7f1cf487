"""The recall benchmark's table (benchmarks/defects/): well-formed rows in two halves, every kind with a repro."""

from __future__ import annotations

import re
import tomllib

from helpers import ROOT

DEFECTS = ROOT / "benchmarks" / "defects"
TABLES = {path.stem: tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted((DEFECTS / "table").glob("*.toml"))}
ROWS = [(name, row) for name, table in TABLES.items() for row in table.get("defect", ())]


def test_each_table_names_its_port_commit_half_and_original():
    for name, table in TABLES.items():
        assert table["repository"].replace("/", "+") == name
        assert re.fullmatch(r"[0-9a-f]{40}", table["commit"]), name
        assert table["half"] in ("development", "held-out") and table["original"], name


def test_rows_are_complete_and_their_regexes_compile():
    for name, row in ROWS:
        assert {"path", "line", "kind", "regex", "evidence"} <= set(row), (name, row)
        assert isinstance(row["line"], int) and row["line"] > 0 and row["evidence"].strip(), (name, row)
        re.compile(row["regex"])


def test_every_kind_has_a_repro():
    kinds = {path.stem for path in (DEFECTS / "repros").glob("*.py")}
    assert {row["kind"] for _, row in ROWS} <= kinds


def test_the_benchmark_is_as_large_as_the_issue_asks():
    """At least 200 defects from at least 12 ports, 30 kinds, both halves represented."""
    assert len(ROWS) >= 200 and len(TABLES) >= 12 and len({row["kind"] for _, row in ROWS}) >= 30
    assert {table["half"] for table in TABLES.values()} == {"development", "held-out"}
