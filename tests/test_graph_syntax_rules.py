"""The graph rules against the graph syntax table (mslint/knowledge/data/graph_syntax.json), without MindSpore.

Every row's probe is linted as a module (tests/graph_syntax_lint.py) at STRICT and LAX:

- a row that fails at a level is reported there by a rule that claims it (``GraphFact.rows``), unless
  graph_syntax_classification.toml says why no rule does;
- a row that compiles and agrees with PyNative at a level gets no graph finding there, except the findings listed in
  ``NOT_OBSERVED`` (a rule's claim that the probe does not observe).

tests/oracle/test_graph_syntax_data.py checks the verdicts against MindSpore.
"""

from __future__ import annotations

import fnmatch

import pytest
from graph_syntax_lint import LINTED_LEVELS, ROWS, findings

from mslint.knowledge.graph_syntax import LEVELS, graph_syntax, page_statements
from mslint.rules.graph import claims, statement_class
from mslint.rules.graph.facts import GRAPH_FACTS

SYNTAX = graph_syntax()
STATUSES = {"works", "not-checkable", "pending"}
# (row pattern, rule): findings on supported rows that are right although the row's probe does not see it.
NOT_OBSERVED = {
    ("operators.i*.tensor_tensor", "ms-graph-input-augassign"): "the probe passes a fresh input each call and does not "
    "read it back; operators.iadd.input_tensor shows the caller's tensor change",
    ("statements.Assert", "ms-graph-tensor-raise"): "the rule is about the calls after an assert fires; this one holds",
    ("statements.Assert.fails", "ms-graph-tensor-raise"): "the probe calls twice and both calls raise; the rule is about "
    "later calls after the first raise",
    ("statements.Raise*", "ms-graph-tensor-raise"): "PyNative raises too; the rule is about the calls after the raise",
    ("statements.Raise.fstring_message", "ms-graph-fstring-format"): "the probe does not compare exception messages",
    ("expressions.Call.cell_created_attribute", "ms-graph-cell-in-graph"): "the probe reads a constant attribute of the "
    "layer, not its random weights (expressions.Call.dense_created)",
}


def _claimants(row_id: str) -> list[str]:
    return [fact.symbol for fact in GRAPH_FACTS if claims(fact, row_id)]


def _reports(fact, row, level: str) -> bool:
    """The fact claims the row and its kind is the row's verdict at ``level`` (an error, or a difference)."""
    if not claims(fact, row.id) or level not in fact.reported_levels:
        return False
    if row.outcome(level) == "differs":
        return fact.kind == "diverges" or level in fact.differs
    return row.fails(level) and fact.kind == "compile-error"


def _failing(row) -> list[str]:
    return [level for level in LEVELS if row.fails(level)]


def _explained(row_id: str, level: str) -> bool:
    reason = SYNTAX.reasons.get(row_id)
    return reason is not None and level in reason.levels


def test_every_failing_row_is_claimed_or_explained():
    unexplained = [(row.id, level) for row in SYNTAX.rows.values() for level in _failing(row)
                   if not _claimants(row.id) and not _explained(row.id, level)]
    assert unexplained == [], "claim these rows in a GraphFact's rows or give them a reason in graph_syntax_classification.toml"


def test_reasons_are_for_failing_rows_no_rule_claims():
    stale = [row_id for row_id, reason in SYNTAX.reasons.items()
             if row_id not in SYNTAX.rows or not set(reason.levels) & set(_failing(SYNTAX.rows[row_id]))]
    assert stale == []
    # "pending" says no rule reports the row at those levels: no rule that claims it reports verdicts of that kind there.
    reportable = [(row_id, level) for row_id, reason in SYNTAX.reasons.items() if reason.status == "pending"
                  for level in reason.levels if any(_reports(fact, SYNTAX.rows[row_id], level) for fact in GRAPH_FACTS)]
    assert reportable == [], "a row a rule reports at a level is not pending there"
    assert {reason.status for reason in SYNTAX.reasons.values()} <= STATUSES
    assert all(reason.reason.strip() for reason in SYNTAX.reasons.values())


def test_every_fact_pattern_names_a_row():
    unused = [(fact.symbol, p) for fact in GRAPH_FACTS for p in fact.rows if not SYNTAX.matching([p])]
    assert unused == []


@pytest.mark.parametrize("level", LINTED_LEVELS)
def test_claimed_rows_are_reported_where_they_fail(level):
    missed = {}
    for row in SYNTAX.rows.values():
        claimants = _claimants(row.id)
        if claimants and row.fails(level) and not _explained(row.id, level) and not findings()[(row.id, level)] & set(claimants):
            missed[row.id] = (row.verdicts[row.column(level)][:60], claimants)
    assert missed == {}


def _not_observed(row_id: str, symbol: str) -> bool:
    return any(fnmatch.fnmatchcase(row_id, pattern) and symbol == rule for pattern, rule in NOT_OBSERVED)


@pytest.mark.parametrize("level", LINTED_LEVELS)
def test_supported_rows_get_no_graph_finding(level):
    noisy = {}
    for row in SYNTAX.rows.values():
        if row.supported(level):
            found = {symbol for symbol in findings()[(row.id, level)] if not _not_observed(row.id, symbol)}
            if found:
                noisy[row.id] = sorted(found)
    assert noisy == {}


def test_every_page_statement_is_classified():
    """Each statement of the static-graph syntax pages is a rule's, works, is not checkable or is pending."""
    unclassified = [statement.key for statement in page_statements() if statement_class(statement)[0] == "unclassified"]
    assert unclassified == []


def test_every_row_has_a_probe_module():
    assert {row.id for row in ROWS} == set(SYNTAX.rows)
