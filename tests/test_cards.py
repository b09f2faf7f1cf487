"""Every rule's card: bad.py reports exactly its markers, good.py is silent, fixing bad.py gives fixed.py."""

from __future__ import annotations

import shutil

import pytest

from mslint.catalog import all_rules
from mslint.cli import main
from mslint.docs import markers, strip_markers
from mslint.fixes import Applicability
from mslint.graph_facts import PENDING

from helpers import CARDS, card_options, lint_file

RULES = all_rules()


def test_every_rule_has_a_card_and_every_card_a_rule():
    """Cards of graph facts listed in graph_facts.PENDING are verified knowledge without a rule yet."""
    assert sorted(path.name for path in CARDS.iterdir() if path.is_dir()) == sorted([*(rule.symbol for rule in RULES), *PENDING])


def test_pending_facts_have_no_rule():
    assert not set(PENDING) & {rule.symbol for rule in RULES}


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.symbol)
def test_bad_example_reports_its_markers(rule):
    bad = CARDS / rule.symbol / "bad.py"
    expected = markers(bad.read_text(encoding="utf-8"))
    assert expected, "bad.py marks no line"
    found = {(finding.line, finding.symbol) for finding in lint_file(bad, **card_options(rule))}
    assert found == expected


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.symbol)
def test_good_example_is_silent(rule):
    assert lint_file(CARDS / rule.symbol / "good.py", **card_options(rule)) == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.symbol)
def test_fixed_example_exists_exactly_when_the_rule_fixes(rule):
    has_fixed = (CARDS / rule.symbol / "fixed.py").is_file()
    assert has_fixed == (rule.fix in (Applicability.SAFE, Applicability.UNSAFE))


@pytest.mark.parametrize(
    "rule", [rule for rule in RULES if (CARDS / rule.symbol / "fixed.py").is_file()], ids=lambda rule: rule.symbol
)
def test_fix_turns_bad_into_fixed_and_is_idempotent(rule, tmp_path):
    target = tmp_path / "bad.py"
    shutil.copy(CARDS / rule.symbol / "bad.py", target)
    options = card_options(rule)
    arguments = [f"--{key.replace('_', '-')}={value}" for key, value in options.items()]
    if rule.fix is Applicability.UNSAFE:
        arguments.append("--unsafe-fixes")
    main(["fix", str(target), *arguments])
    fixed = (CARDS / rule.symbol / "fixed.py").read_text(encoding="utf-8")
    assert strip_markers(target.read_text(encoding="utf-8")) == fixed
    once = target.read_bytes()
    main(["fix", str(target), *arguments])
    assert target.read_bytes() == once
    assert not [f for f in lint_file(target, **options) if f.symbol == rule.symbol]
