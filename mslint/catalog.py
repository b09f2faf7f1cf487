"""The rule catalogue: every rule is declared once, and everything else is derived from it."""

from __future__ import annotations

import enum
import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from mslint.fixes import Applicability

DOCS_URL = "https://github.com/mslint/mslint/blob/main/docs/rules/{symbol}.md"


class Family(enum.Enum):
    """Rule families; each is one pylint checker with its own two-digit checker id."""

    PORTING = "72"
    GRAPH = "73"
    ASCEND = "74"
    TENSORFLOW = "75"

    @property
    def title(self) -> str:
        return {"72": "porting", "73": "graph mode", "74": "Ascend and ops", "75": "TensorFlow"}[self.value]


class Oracle(enum.Enum):
    """What a rule's bad example does under MindSpore, checked by the card tests."""

    RAISES = "raises"  # bad demo() raises, good demo() runs
    DIVERGES = "diverges"  # bad and good demo() return different results
    SLOW = "slow"  # bad and good demo() agree; the bad one takes a slow or dynamic path
    NONE = "none"  # not observable on CPU (documented behaviour only)


def parse_version(text: str) -> tuple[int, ...]:
    """'2.10.0rc1' -> (2, 10, 0); enough to order MindSpore releases."""
    parts: list[int] = []
    for piece in text.split("."):
        match = re.match(r"\d+", piece)
        if not match:
            break
        parts.append(int(match.group()))
        if match.end() != len(piece):
            break
    return tuple(parts)


def version_at_least(version: str, other: str) -> bool:
    """``version >= other``, with missing components read as 0 ('2.10' >= '2.10.0')."""
    current, wanted = parse_version(version), parse_version(other)
    width = max(len(current), len(wanted))
    return current + (0,) * (width - len(current)) >= wanted + (0,) * (width - len(wanted))


@dataclass(frozen=True)
class Rule:
    """One rule: identity, message, documentation and the conditions it applies under.

    ``what`` and ``why`` are the Markdown bodies of the "What it does" and "Why is this bad?"
    sections; the examples come from the rule card ``mslint/cards/<symbol>/``.
    """

    msgid: str
    symbol: str
    message: str
    summary: str
    what: str
    why: str
    fix: Applicability | None = None
    fix_safety: str = ""
    min_version: str = "1.0"
    max_version: str | None = None  # exclusive
    profile: str = "default"  # "default" rules run always, "migration" ones only in that profile
    targets: frozenset[str] = frozenset()  # empty: any target
    default_enabled: bool = True
    oracle: Oracle = Oracle.RAISES
    oracle_detail: str = ""  # e.g. the exception the bad example raises
    references: tuple[str, ...] = ()
    levels: frozenset[str] = frozenset()  # graph rules: jit_syntax_levels they apply to
    tags: tuple[str, ...] = field(default=())

    @property
    def family(self) -> Family:
        return Family(self.msgid[1:3])

    @property
    def category(self) -> str:
        return {"C": "convention", "R": "refactor", "W": "warning", "E": "error", "F": "fatal", "I": "info"}[
            self.msgid[0]
        ]

    @property
    def doc_url(self) -> str:
        return DOCS_URL.format(symbol=self.symbol)

    def applies_to_version(self, version: str) -> bool:
        if not version_at_least(version, self.min_version):
            return False
        return self.max_version is None or not version_at_least(version, self.max_version)

    def card_file(self, name: str) -> Path | None:
        """A file of this rule's card (``bad.py``, ``good.py``, ``fixed.py``), if it exists."""
        path = Path(str(resources.files("mslint") / "cards" / self.symbol / name))
        return path if path.is_file() else None


def all_rules() -> tuple[Rule, ...]:
    """Every rule of every family, in id order."""
    from mslint.checkers import ALL_CHECKERS  # the rules live next to their checks

    return tuple(sorted((rule for checker in ALL_CHECKERS for rule in checker.rules), key=lambda r: (r.msgid[1:], r.msgid)))


def find_rule(key: str) -> Rule | None:
    """Look a rule up by symbol or message id."""
    for rule in all_rules():
        if key in (rule.symbol, rule.msgid, rule.msgid.upper()):
            return rule
    return None


def pylint_msgs(rules: tuple[Rule, ...]) -> dict[str, tuple]:
    """The ``msgs`` dict of a pylint checker for these rules."""
    return {
        rule.msgid: (rule.message, rule.symbol, f"{rule.summary} See {rule.doc_url}", {"default_enabled": rule.default_enabled})
        for rule in rules
    }
