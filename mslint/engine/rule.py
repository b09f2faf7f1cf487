"""What a rule declaration holds, and the pylint ``msgs`` derived from it."""

from __future__ import annotations

import enum
import importlib
import pkgutil
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from astroid.nodes import Module, NodeNG

from mslint.core.codes import CODES, Code
from mslint.core.edits import Applicability
from mslint.core.settings import Settings
from mslint.core.versions import version_at_least

# The rule pages: generated into docs/rules/ of a checkout, and copied into the package (``mslint/rule_pages``)
# when a wheel is built (setup.py), so an installed copy links every finding to its own page.
PAGE_FOLDERS = ("rule_pages", "../docs/rules")
DOCS_PATH = "docs/rules/{symbol}.md"  # a rule's page in the source tree
# MindSpore documentation of the release the rules were verified on (rule references link here).
MS_DOCS = "https://www.mindspore.cn/docs/en/r2.10.0"
MS_API_DOCS = f"{MS_DOCS}/api_python"

class Family(enum.Enum):
    """Rule families; each is one pylint checker with its own two-digit checker id."""

    PORTING = "72"
    GRAPH = "73"
    ASCEND = "74"
    TENSORFLOW = "75"
    SUPPRESSIONS = "76"
    MINDTORCH = "77"

    @property
    def package(self) -> str:
        """The family's package under ``mslint/rules``."""
        return {"72": "porting", "73": "graph", "74": "ascend", "75": "tensorflow", "76": "suppressions",
                "77": "mindtorch"}[self.value]

    @property
    def title(self) -> str:
        return {"72": "porting", "73": "graph mode", "74": "Ascend and ops", "75": "TensorFlow", "76": "suppressions",
                "77": "MindTorch"}[self.value]


class Oracle(enum.Enum):
    """What a rule's bad example does under MindSpore, checked by the card tests."""

    RAISES = "raises"  # bad demo() raises, good demo() runs
    DIVERGES = "diverges"  # bad and good demo() return different results
    SLOW = "slow"  # bad and good demo() agree; the bad one takes a slow or dynamic path
    NONE = "none"  # not observable on CPU (documented behaviour only)


@dataclass(frozen=True)
class Rule:
    """One rule: its symbol (its id comes from the code table), the astroid node class(es) it looks at, its
    ``check(ctx, node)``, its message, documentation and the conditions it applies under.

    The family checker calls ``check`` with the module's ``ModuleContext`` on every node of the declared classes
    while the rule is enabled (dispatch, pylint ``msgs``, docs and SARIF descriptors derive from declarations). A
    rule on ``nodes.Module`` with ``after_findings`` runs once the module's other findings are in (it judges
    them: unused ``# noqa``). ``what`` and ``why`` are the Markdown bodies of the "What it does" and "Why is this
    bad?" sections; the examples come from the rule card ``mslint/rules/<family>/cards/<symbol>/``.
    """

    symbol: str
    node: type | tuple[type, ...]
    check: Callable[[Any, Any], None] = field(compare=False, repr=False)
    message: str
    summary: str
    what: str
    why: str
    fix: Applicability | None = None
    fix_also: Applicability | None = None  # the less safe applicability some findings' fixes get (unknown receivers)
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
    after_findings: bool = False


    @property
    def fix_label(self) -> str:
        """'safe fix', 'safe or unsafe fix' (by finding), 'unsafe fix', 'suggestion only' or 'no fix'."""
        if self.fix is None:
            return "no fix"
        if self.fix_also is None:
            return self.fix.label
        return f"{self.fix.label.removesuffix(' fix')} or {self.fix_also.label}"
    def __post_init__(self) -> None:
        if self.symbol not in CODES:
            raise LookupError(f"rule {self.symbol} has no row in mslint/core/codes.py")
        if not self.node_classes or not all(isinstance(cls, type) and issubclass(cls, NodeNG) for cls in self.node_classes):
            raise TypeError(f"rule {self.symbol}: node must be astroid node classes, not {self.node!r}")
        if self.after_findings and self.node_classes != (Module,):
            raise TypeError(f"rule {self.symbol}: only a rule on nodes.Module runs after the module's findings")

    @property
    def node_classes(self) -> tuple[type, ...]:
        return self.node if isinstance(self.node, tuple) else (self.node,)

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
        """The rule page's path in the source tree (``page_uri`` gives an address to open)."""
        return DOCS_PATH.format(symbol=self.symbol)

    def page_uri(self, docs_url: str = "") -> str | None:
        """The address of the rule's page: ``<docs-url>/<symbol>.md`` when ``docs-url`` is configured, else the
        ``file:`` URI of the page installed with mslint (None when there is none: a copy without its pages)."""
        if docs_url:
            return f"{docs_url.rstrip('/')}/{self.symbol}.md"
        folder = pages_folder()
        page = folder / f"{self.symbol}.md" if folder else None
        return page.as_uri() if page is not None and page.is_file() else None

    def applies(self, settings: Settings) -> bool:
        """Whether the rule applies under (a module's) settings: its version range, profile and targets."""
        if not self.applies_to_version(settings.mindspore_version):
            return False
        if self.profile == "migration" and settings.profile != "migration":
            return False
        return not self.targets or settings.target in self.targets

    def runs(self, settings: Settings) -> bool:
        """Whether the rule runs and applies under the settings (its selection included)."""
        return settings.runs(self.symbol, self.default_enabled) and self.applies(settings)

    def applies_to_version(self, version: str) -> bool:
        if not version_at_least(version, self.min_version):
            return False
        return self.max_version is None or not version_at_least(version, self.max_version)

    def card_file(self, name: str) -> Path | None:
        """A file of this rule's card (``bad.py``, ``good.py``, ``fixed.py``), if it exists."""
        path = Path(str(resources.files("mslint.rules") / self.family.package / "cards" / self.symbol / name))
        return path if path.is_file() else None


@cache
def pages_folder() -> Path | None:
    """The folder of the rule pages: in the installed package, else in the checkout mslint runs from."""
    package = Path(__file__).resolve().parent.parent
    return next((folder.resolve() for folder in (package / name for name in PAGE_FOLDERS) if folder.is_dir()), None)


def pylint_msgs(rules: tuple[Rule, ...]) -> dict[str, tuple]:
    """The ``msgs`` dict of a pylint checker for these rules (former names kept as pylint ``old_names``)."""
    msgs = {}
    for rule in rules:
        options: dict = {"default_enabled": rule.default_enabled}
        if rule.code.old_names:
            options["old_names"] = list(rule.code.old_names)
        msgs[rule.msgid] = (rule.message, rule.symbol, f"{rule.summary} Details: mslint explain {rule.symbol}", options)
    return msgs


def declared_rules(package: str, namespace: dict[str, Any]) -> tuple[Rule, ...]:
    """The rules a family declares, in declaration order: those of its package's own ``namespace``
    (``globals()``), then those of each of its modules, so a new rule module needs no registration."""
    modules = [namespace] + [
        vars(importlib.import_module(f"{package}.{info.name}"))
        for info in pkgutil.iter_modules(importlib.import_module(package).__path__)
        if info.name != "cards"
    ]
    found: dict[str, Rule] = {}
    for values in modules:
        found.update((value.symbol, value) for value in values.values() if isinstance(value, Rule))
    return tuple(found.values())


def rule_symbols(rules: Iterable[Rule]) -> tuple[str, ...]:
    return tuple(rule.symbol for rule in rules)
