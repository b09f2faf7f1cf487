"""What every mslint checker shares: options, the fix store carried through pylint's map/reduce,
and reporting a rule with its fix."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from astroid import nodes
from pylint.checkers import BaseChecker
from pylint.checkers.utils import only_required_for_messages
from pylint.interfaces import HIGH, Confidence

from mslint import config, dependencies
from mslint.fixes import Edit, Fix
from mslint.positions import SourceText, decode_source
from mslint.rule import TRIGGERS, Rule, pylint_msgs, rule_symbols, rules_triggered_by
from mslint.suppressions import noqa_of
from mslint.target import module_settings

if TYPE_CHECKING:
    from pylint.lint import PyLinter

CHECKER_NAME = "mslint"

FixKey = tuple[str, int, int, int, int, str]


def fix_key(path: str, line: int, column: int, end_line: int, end_column: int, symbol: str) -> FixKey:
    """Identify a finding; rebuilt from a pylint ``Message`` as (abspath, line, column, end_line, end_column, symbol)."""
    return (path, line, column, end_line, end_column, symbol)


class MslintChecker(BaseChecker):
    """mslint's options and the store of fixes found in this process (no messages of its own)."""

    name = CHECKER_NAME
    options = config.pylint_options()
    msgs: ClassVar[dict] = {}

    def __init__(self, linter: PyLinter) -> None:
        super().__init__(linter)
        self.fixes: dict[FixKey, Fix] = {}
        # (file, line) -> the mslint ids a ``# noqa`` comment of that line suppressed in this module
        self.noqa_used: dict[tuple[str, int], set[str]] = {}
        self.settings = config.Settings(mindspore_version=config.installed_mindspore_version())

    def get_map_data(self) -> dict[str, Any]:
        data = {"fixes": [(key, fix.to_json()) for key, fix in self.fixes.items()], "imports": dependencies.take_recorded()}
        self.fixes.clear()
        return data

    def reduce_map_data(self, linter: PyLinter, data: list[dict[str, Any]]) -> None:
        for run in data:
            for key, fix in run["fixes"]:
                self.fixes[tuple(key)] = Fix.from_json(fix)
            dependencies.add_recorded(run["imports"])


def store_of(linter: PyLinter) -> MslintChecker:
    """The linter's MslintChecker (mslint registers exactly one)."""
    for checker in linter.get_checkers():
        if isinstance(checker, MslintChecker):
            return checker
    raise LookupError("the mslint plugin is not loaded")


@dataclass(frozen=True)
class Span:
    """A pylint message location: 1-based lines, UTF-8 byte columns."""

    line: int
    column: int
    end_line: int
    end_column: int

    @classmethod
    def of(cls, node: nodes.NodeNG, source: SourceText) -> Span:
        """Where a finding on the node is shown: for defs and classes the name alone (not ``def``/``class``
        nor decorators), else the whole node."""
        position = node.position
        if position is None or not isinstance(node, (nodes.FunctionDef, nodes.ClassDef)):
            return cls(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
        # ``node.position`` comes from tokenize: character columns, ending after the name.
        line, text = position.end_lineno, source.line_text(position.end_lineno)
        start = position.end_col_offset - len(node.name)
        return cls(line, _byte_column(text, start), line, _byte_column(text, position.end_col_offset))

    @classmethod
    def attribute(cls, node: nodes.Attribute, source: SourceText) -> Span:
        """The ``.name`` of an attribute access (not its receiver); the dot is included when it touches the name."""
        line, end = node.end_lineno, node.end_col_offset
        start = end - len(node.attrname.encode("utf-8"))
        if source.line_text(line).encode("utf-8")[start - 1 : start] == b".":
            start -= 1
        return cls(line, start, line, end)


def _byte_column(text: str, char_column: int) -> int:
    return len(text[:char_column].encode("utf-8"))


class FamilyChecker(BaseChecker):
    """Base of the per-family checkers: ``msgs`` and hook dispatch come from the family's rule declarations.

    Each ``visit_<trigger>`` hook runs only when a rule declaring that trigger is enabled. ``visit_module``
    always runs (per-module settings, then ``open_module``); ``check_module`` runs when a rule triggered by
    "module" is enabled.
    """

    name = CHECKER_NAME
    rules: ClassVar[tuple[Rule, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.msgs = pylint_msgs(cls.rules)
        cls.module_rules = rule_symbols(rules_triggered_by(cls.rules, "module"))
        for trigger in TRIGGERS:
            hook_name = "check_module" if trigger == "module" else f"visit_{trigger}"
            triggered = rules_triggered_by(cls.rules, trigger)
            hook = getattr(cls, hook_name, None)
            own_hook = hook if hook is not getattr(FamilyChecker, hook_name, None) else None
            if any(rule.check is None for rule in triggered) != (own_hook is not None):
                raise TypeError(f"{cls.__name__}.{hook_name} must exist exactly when a rule without check() declares {trigger!r}")
            if triggered:
                setattr(cls, hook_name, _dispatch(own_hook, triggered))

    def open(self) -> None:
        if getattr(self.linter.config, config.RECORD_IMPORTS_OPTION.replace("-", "_"), False):
            dependencies.start_recording()  # in this process, also in a -j worker; mslint.run.lint stops it
        self.store = store_of(self.linter)
        self.settings = self.store.settings
        self._sources: dict[str, SourceText] = {}

    def visit_module(self, node: nodes.Module) -> None:
        """Per-module settings (a configured target wins, ``auto`` becomes the one the module sets), the
        family's per-module state, then its whole-module checks."""
        self.settings = module_settings(self.store.settings, node)
        self.open_module(node)
        if any(self.linter.is_message_enabled(symbol) for symbol in self.module_rules):
            self.check_module(node)

    def open_module(self, node: nodes.Module) -> None:
        """Per-module state of the family's hooks."""

    def check_module(self, node: nodes.Module) -> None:
        """Checks of the rules triggered by "module"."""

    def rule_applies(self, rule: Rule) -> bool:
        """Version, profile and target gates of a rule under the current settings."""
        settings = self.settings
        if not rule.applies_to_version(settings.mindspore_version):
            return False
        if rule.profile == "migration" and settings.profile != "migration":
            return False
        return not rule.targets or settings.target in rule.targets

    def source(self, node: nodes.NodeNG) -> SourceText:
        """The decoded text of the file a node comes from (read once per file)."""
        module = node.root()
        key = module.file or module.name
        if key not in self._sources:
            with module.stream() as stream:
                raw = stream.read()
            self._sources[key] = SourceText(decode_source(raw)[0])
        return self._sources[key]

    def replace_node(self, node: nodes.NodeNG, text: str) -> Edit:
        """An edit replacing a node's whole source range."""
        source = self.source(node)
        return Edit(
            source.offset(node.lineno, node.col_offset), source.offset(node.end_lineno, node.end_col_offset), text
        )

    def node_text(self, node: nodes.NodeNG) -> str:
        source = self.source(node)
        edit = self.replace_node(node, "")
        return source.text[edit.start : edit.end]

    def report(
        self,
        rule: Rule,
        node: nodes.NodeNG,
        args: tuple[Any, ...] | None = None,
        fix: Fix | None = None,
        confidence: Confidence = HIGH,
        span: Span | None = None,
        levels: frozenset[str] | None = None,
    ) -> None:
        """Emit a rule's message (if it applies under the settings and, for a rule with ``levels``,
        at one of the jit_syntax_levels the code is compiled at) and keep its fix."""
        if not self.rule_applies(rule):
            return
        if rule.levels and levels is not None and not rule.levels & levels:
            return
        span = span or Span.of(node, self.source(node))
        if self.suppressed(rule, node, span.line):
            return
        self.add_message(
            rule.symbol,
            line=span.line,
            node=node,
            args=args,
            confidence=confidence,
            col_offset=span.column,
            end_lineno=span.end_line,
            end_col_offset=span.end_column,
        )
        if fix is not None and node.root().file:
            key = fix_key(node.root().file, span.line, span.column, span.end_line, span.end_column, rule.symbol)
            self.store.fixes[key] = fix


    def suppressed(self, rule: Rule, node: nodes.NodeNG, line: int) -> bool:
        """Whether a ``# noqa`` comment on the finding's first line suppresses it (the use is recorded)."""
        source = self.source(node)
        if line > len(source.line_starts):
            return False
        noqa = noqa_of(source.line_text(line), line)
        if noqa is None or not noqa.suppresses(rule.msgid, rule.symbol):
            return False
        self.store.noqa_used.setdefault((node.root().file or node.root().name, line), set()).add(rule.msgid)
        return True


def _dispatch(hook: Callable[..., None] | None, rules: tuple[Rule, ...]) -> Callable[..., None]:
    """A hook that runs the checker's own hook, then the ``check`` of each enabled rule; pylint skips it
    when all ``rules`` are disabled."""
    checked = tuple(rule for rule in rules if rule.check is not None)

    def run(self: FamilyChecker, node: nodes.NodeNG) -> None:
        if hook is not None:
            hook(self, node)
        for rule in checked:
            if self.linter.is_message_enabled(rule.symbol):
                rule.check(self, node)

    if hook is not None:
        functools.update_wrapper(run, hook)
    return only_required_for_messages(*rule_symbols(rules))(run)
