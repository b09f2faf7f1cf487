"""The rule catalogue: every rule of every family, looked up by symbol or id.

Rules are declared next to their checks (``mslint/rules/``) with the model of ``mslint.engine.rule``; their ids
come from the code table ``mslint.core.codes``. Everything else (pylint msgs, hook dispatch, docs, ``mslint rules``,
SARIF descriptors) is derived from these declarations.
"""

from __future__ import annotations

from functools import cache

from mslint.core.codes import find_code
from mslint.core.versions import parse_version, version_at_least
from mslint.engine.rule import Family, Oracle, Rule
from mslint.rules import ALL_CHECKERS

__all__ = ["Family", "Oracle", "Rule", "all_rules", "find_rule", "parse_version", "version_at_least"]


@cache
def all_rules() -> tuple[Rule, ...]:
    """Every rule of every family, in id order."""
    return tuple(sorted((rule for checker in ALL_CHECKERS for rule in checker.rules), key=lambda r: (r.msgid[1:], r.msgid)))


def find_rule(key: str) -> Rule | None:
    """Look a rule up by symbol or message id (current or former)."""
    code = find_code(key)
    return next((rule for rule in all_rules() if rule.symbol == code.symbol), None) if code else None
