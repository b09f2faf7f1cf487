"""What a rule declaration holds, and the pylint ``msgs`` derived from it."""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from mslint.codes import CODES, Code
from mslint.fixes import Applicability
from mslint.versions import version_at_least

# A rule's page in a checkout or source distribution; ``doc_link`` gives its URL when ``docs-url`` is configured.
DOCS_PATH = "docs/rules/{symbol}.md"
# MindSpore documentation of the release the rules were verified on (rule references link here).
MS_DOCS = "https://www.mindspore.cn/docs/en/r2.10.0"
MS_API_DOCS = f"{MS_DOCS}/api_python"

# The pylint hook (``visit_<trigger>``) of a rule's checker that can report it.
Trigger = Literal["module", "classdef", "call", "attribute", "subscript"]
TRIGGERS: tuple[Trigger, ...] = ("module", "classdef", "call", "attribute", "subscript")


class Family(enum.Enum):
    """Rule families; each is one pylint checker with its own two-digit checker id."""

    PORTING = "72"
    GRAPH = "73"
    ASCEND = "74"
    TENSORFLOW = "75"
    SUPPRESSIONS = "76"

    @property
    def title(self) -> str:
        return {"72": "porting", "73": "graph mode", "74": "Ascend and ops", "75": "TensorFlow", "76": "suppressions"}[self.value]


class Oracle(enum.Enum):
    """What a rule's bad example does under MindSpore, checked by the card tests."""

    RAISES = "raises"  # bad demo() raises, good demo() runs
    DIVERGES = "diverges"  # bad and good demo() return different results
    SLOW = "slow"  # bad and good demo() agree; the bad one takes a slow or dynamic path
    NONE = "none"  # not observable on CPU (documented behaviour only)


@dataclass(frozen=True)
class Rule:
    """One rule: its symbol (its id comes from the code table), what triggers it, its message,
    documentation and the conditions it applies under.

    ``triggers`` name the pylint hooks (``visit_call`` ...) of the family checker that report the rule: pylint
    skips a hook when every rule it triggers is disabled. ``check(checker, node)``, when given, is the rule's
    own check: the family checker calls it from each trigger's hook while the rule is enabled, so a new rule
    is this declaration alone (plus its code-table row and card). Without ``check``, a ``visit_<trigger>``
    method of the checker reports the rule (rules sharing one analysis). ``what`` and ``why`` are the Markdown bodies of the
    "What it does" and "Why is this bad?" sections; the examples come from the rule card ``mslint/cards/<symbol>/``.
    """

    symbol: str
    triggers: frozenset[Trigger]
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
    check: Callable[[Any, Any], None] | None = field(default=None, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.symbol not in CODES:
            raise LookupError(f"rule {self.symbol} has no row in mslint/codes.py")
        unknown = set(self.triggers) - set(TRIGGERS)
        if not self.triggers or unknown:
            raise ValueError(f"rule {self.symbol}: triggers must be a non-empty subset of {TRIGGERS}, not {sorted(unknown)}")

    @property
    def code(self) -> Code:
        return CODES[self.symbol]

    @property
    def msgid(self) -> str:
        return self.code.msgid

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
        """The rule page's path in the source tree (there is no public documentation site)."""
        return DOCS_PATH.format(symbol=self.symbol)

    def doc_link(self, base_url: str) -> str | None:
        """The rule page under the configured ``docs-url`` base, or None when none is configured."""
        return f"{base_url.rstrip('/')}/{self.symbol}.md" if base_url else None

    def applies_to_version(self, version: str) -> bool:
        if not version_at_least(version, self.min_version):
            return False
        return self.max_version is None or not version_at_least(version, self.max_version)

    def card_file(self, name: str) -> Path | None:
        """A file of this rule's card (``bad.py``, ``good.py``, ``fixed.py``), if it exists."""
        path = Path(str(resources.files("mslint") / "cards" / self.symbol / name))
        return path if path.is_file() else None


def pylint_msgs(rules: tuple[Rule, ...]) -> dict[str, tuple]:
    """The ``msgs`` dict of a pylint checker for these rules (former names kept as pylint ``old_names``)."""
    msgs = {}
    for rule in rules:
        options: dict = {"default_enabled": rule.default_enabled}
        if rule.code.old_names:
            options["old_names"] = list(rule.code.old_names)
        msgs[rule.msgid] = (rule.message, rule.symbol, f"{rule.summary} Details: mslint explain {rule.symbol}", options)
    return msgs


def rules_triggered_by(rules: Iterable[Rule], trigger: Trigger) -> tuple[Rule, ...]:
    """The rules a hook can report."""
    return tuple(rule for rule in rules if trigger in rule.triggers)


def declared_rules(*namespaces: dict[str, Any]) -> tuple[Rule, ...]:
    """The rules declared in module namespaces (``vars(module)``), in declaration order: a family checker's
    ``rules`` are derived, never listed by hand."""
    found: dict[str, Rule] = {}
    for namespace in namespaces:
        found.update((value.symbol, value) for value in namespace.values() if isinstance(value, Rule))
    return tuple(found.values())


def rule_symbols(rules: Iterable[Rule]) -> tuple[str, ...]:
    return tuple(rule.symbol for rule in rules)
