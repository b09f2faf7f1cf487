"""The code table keeps every shipped id, rule declarations drive dispatch, and every rule fires alone."""

from __future__ import annotations

import json

import pytest
from astroid import nodes
from helpers import CARDS, ROOT, card_options, lint_file

from mslint.core import codes
from mslint.core.codes import CODE_TABLE, CODES, Code
from mslint.engine.checker import FamilyChecker
from mslint.engine.rule import Rule, pylint_msgs
from mslint.outputs.docs import markers
from mslint.rules.catalog import all_rules, find_rule
from mslint.rules.graph.facts import GRAPH_FACTS

RULES = all_rules()
SHIPPED = [tuple(pair) for pair in json.loads((ROOT / "tests" / "data" / "shipped_codes.json").read_text(encoding="utf-8"))]


def test_every_shipped_id_and_symbol_is_kept():
    """A shipped (id, symbol) pair is a current row or, after a rename, a former name of one."""
    current = {(code.msgid, code.symbol) for code in CODE_TABLE}
    former = {tuple(old) for code in CODE_TABLE for old in code.old_names}
    assert [pair for pair in SHIPPED if pair not in current | former] == []


def test_ids_and_symbols_are_never_reused():
    ids = [code.msgid[1:] for code in CODE_TABLE] + [old[0][1:] for code in CODE_TABLE for old in code.old_names]
    symbols = [code.symbol for code in CODE_TABLE] + [old[1] for code in CODE_TABLE for old in code.old_names]
    assert len(ids) == len(set(ids)) and len(symbols) == len(set(symbols))


def test_code_table_rows_and_rule_declarations_match():
    assert sorted(rule.symbol for rule in RULES) == sorted(CODES)


def test_graph_rule_category_follows_its_fact():
    letter = {"compile-error": "E", "diverges": "W", "slow-dynamic": "I"}
    assert [(f.symbol, find_rule(f.symbol).msgid[0]) for f in GRAPH_FACTS] == [(f.symbol, letter[f.kind]) for f in GRAPH_FACTS]


def test_a_former_name_reaches_pylint_and_the_catalogue(monkeypatch):
    renamed = Code("W7202", "ms-dead-forward-override", old_names=(("W7299", "ms-old-forward-name"),))
    monkeypatch.setitem(codes.CODES, renamed.symbol, renamed)
    rule = find_rule("ms-dead-forward-override")
    assert pylint_msgs((rule,))["W7202"][3]["old_names"] == [("W7299", "ms-old-forward-name")]
    assert find_rule("ms-old-forward-name") is rule and find_rule("W7299") is rule


def test_a_rule_without_a_code_or_node_class_is_refused():
    def check(ctx, node):
        """A check that reports nothing."""

    with pytest.raises(LookupError):
        Rule(symbol="ms-not-in-the-table", node=nodes.Call, check=check, message="m", summary="s", what="w", why="y")
    with pytest.raises(TypeError):
        Rule(symbol="ms-forward-not-construct", node=int, check=check, message="m", summary="s", what="w", why="y")
    with pytest.raises(TypeError):
        Rule(symbol="ms-forward-not-construct", node=nodes.Call, check=check, message="m", summary="s", what="w", why="y", after_findings=True)


def test_visit_hooks_derive_from_the_node_classes_rules_declare():
    seen = []
    rule = Rule(symbol="ms-forward-not-construct", node=(nodes.AssignAttr, nodes.With), check=lambda ctx, node: seen.append(node),
                message="m", summary="s", what="w", why="y")
    checker = type("Family", (FamilyChecker,), {"rules": (rule,)})
    assert {"visit_assignattr", "visit_with"} <= set(vars(checker)) and "visit_call" not in vars(checker)
    assert checker.msgs == pylint_msgs((rule,))


def test_no_family_module_writes_a_visit_hook():
    """Rules are a declaration and a check: dispatch is the engine's."""
    written = [path for path in (ROOT / "mslint" / "rules").rglob("*.py") if "/cards/" not in str(path) and "def visit_" in path.read_text(encoding="utf-8")]
    assert written == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.symbol)
def test_rule_alone_reports_its_bad_card(rule):
    """Only this rule enabled (the other mslint rules disabled): its hooks still run and find the card's marks."""
    bad = CARDS / rule.symbol / "bad.py"
    expected = {mark for mark in markers(bad.read_text(encoding="utf-8")) if mark[1] == rule.symbol}
    others = ",".join(other.symbol for other in RULES if other is not rule)
    options = {**card_options(rule), "select": rule.symbol, "ignore": others}
    found = {(finding.line, finding.symbol) for finding in lint_file(bad, **options)}
    assert expected and found == expected
