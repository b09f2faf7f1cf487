"""Every rule's card: bad.py reports exactly its markers, good.py is silent, fixing bad.py gives fixed.py.

Cards are linted, and fixed, once per option set: each test reads its card's share of that run.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers import CARDS, card_findings, card_options, card_settings

from mslint.cli import main
from mslint.core.edits import Applicability
from mslint.outputs.docs import markers, strip_markers
from mslint.rules.catalog import Rule, all_rules
from mslint.run import lint

RULES = all_rules()
FIXABLE = [rule for rule in RULES if (CARDS / rule.symbol / "fixed.py").is_file()]


def test_every_rule_has_a_card_and_every_card_a_rule():
    assert sorted(path.name for path in CARDS.iterdir() if path.is_dir()) == sorted(rule.symbol for rule in RULES)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.symbol)
def test_bad_example_reports_its_markers(rule):
    expected = markers((CARDS / rule.symbol / "bad.py").read_text(encoding="utf-8"))
    assert expected, "bad.py marks no line"
    assert {(finding.line, finding.symbol) for finding in card_findings(rule, "bad.py")} == expected


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.symbol)
def test_good_example_is_silent(rule):
    assert card_findings(rule, "good.py") == []


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.symbol)
def test_fixed_example_exists_exactly_when_the_rule_fixes(rule):
    has_fixed = (CARDS / rule.symbol / "fixed.py").is_file()
    assert has_fixed == (rule.fix in (Applicability.SAFE, Applicability.UNSAFE))


@dataclass(frozen=True)
class FixOutcome:
    once: bytes  # bad.py after `mslint fix`
    twice_unchanged: bool  # a second `mslint fix` left it as it was
    left: tuple[str, ...]  # symbols still reported after the fixes


@pytest.fixture(scope="session")
def fix_outcome(tmp_path_factory):
    """``mslint fix`` (twice) on copies of the bad.py of every fixable card sharing a rule's options and fix
    safety, in one folder: the outcome for each card, computed once per option set."""
    outcomes: dict[str, FixOutcome] = {}

    def outcome(rule: Rule) -> FixOutcome:
        if rule.symbol not in outcomes:
            unsafe = rule.fix is Applicability.UNSAFE
            group = [other for other in FIXABLE if card_options(other) == card_options(rule) and (other.fix is Applicability.UNSAFE) == unsafe]
            folder = tmp_path_factory.mktemp("fix")
            targets = {other.symbol: folder / other.symbol / "bad.py" for other in group}
            for symbol, target in targets.items():
                target.parent.mkdir()
                shutil.copy(CARDS / symbol / "bad.py", target)
            arguments = [f"--{key.replace('_', '-')}={value}" for key, value in card_options(rule).items()]
            arguments += ["--unsafe-fixes"] * unsafe
            main(["fix", str(folder), *arguments])
            once = {symbol: target.read_bytes() for symbol, target in targets.items()}
            main(["fix", str(folder), *arguments])
            left = lint([str(folder)], card_settings(rule))
            for symbol, target in targets.items():
                symbols = tuple(f.symbol for f in left if Path(f.abspath) == target.resolve())
                outcomes[symbol] = FixOutcome(once[symbol], target.read_bytes() == once[symbol], symbols)
        return outcomes[rule.symbol]

    return outcome


@pytest.mark.parametrize("rule", FIXABLE, ids=lambda rule: rule.symbol)
def test_fix_turns_bad_into_fixed_and_is_idempotent(rule, fix_outcome):
    outcome = fix_outcome(rule)
    assert strip_markers(outcome.once.decode("utf-8")) == (CARDS / rule.symbol / "fixed.py").read_text(encoding="utf-8")
    assert outcome.twice_unchanged
    assert rule.symbol not in outcome.left
