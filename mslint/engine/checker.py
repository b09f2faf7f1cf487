"""The pylint side of the engine: the store every family shares (settings, the module context, fixes), and the
family checker, whose ``msgs`` and visit hooks are derived from its rules' declarations."""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, ClassVar

from astroid import nodes
from pylint.checkers import BaseChecker
from pylint.checkers.utils import only_required_for_messages

from mslint.core import settings as config
from mslint.core.edits import Fix
from mslint.core.positions import SourceText
from mslint.engine import dependencies
from mslint.engine.context import ModuleContext
from mslint.engine.rule import Rule, pylint_msgs, rule_symbols

if TYPE_CHECKING:
    from pylint.lint import PyLinter

CHECKER_NAME = "mslint"

FixKey = tuple[str, int, int, int, int, str]


def fix_key(path: str, line: int, column: int, end_line: int, end_column: int, symbol: str) -> FixKey:
    """Identify a finding; rebuilt from a pylint ``Message`` as (abspath, line, column, end_line, end_column, symbol)."""
    return (path, line, column, end_line, end_column, symbol)


class MslintChecker(BaseChecker):
    """mslint's options, the settings of the run, the module context of the module being walked, and the fixes
    found in this process (no messages of its own)."""

    name = CHECKER_NAME
    options = config.pylint_options()
    msgs: ClassVar[dict] = {}

    def __init__(self, linter: PyLinter) -> None:
        super().__init__(linter)
        self.fixes: dict[FixKey, Fix] = {}
        self.settings = config.Settings(mindspore_version=config.installed_mindspore_version())
        self.sources: dict[str, SourceText] = {}  # decoded files of the run
        self.context: ModuleContext | None = None
        self._walking: list[FamilyChecker] = []  # family checkers inside the current module

    def enter(self, module: nodes.Module, family: FamilyChecker) -> ModuleContext:
        """The context of ``module``, built by the first family checker that visits it."""
        if self.context is None or self.context.module is not module:
            self.context = ModuleContext(module, self.settings, self.linter, self.sources)
            self._walking = []
        self._walking.append(family)
        return self.context

    def leave(self, module: nodes.Module, family: FamilyChecker) -> None:
        """Once every family has walked the module: emit its findings, run the rules that judge them, emit theirs."""
        context = self.context
        if context is None or context.module is not module or family not in self._walking:
            return
        self._walking.remove(family)
        if self._walking:
            return
        context.emit()
        for checker in context_families(self.linter):
            checker.after_findings(context)
        context.emit()
        path = module.file
        if path:
            for (line, column, end_line, end_column, symbol), fix in context.fixes.items():
                self.fixes[fix_key(path, line, column, end_line, end_column, symbol)] = fix
        self.context = None

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


def context_families(linter: PyLinter) -> list[FamilyChecker]:
    return [checker for checker in linter.get_checkers() if isinstance(checker, FamilyChecker)]


class FamilyChecker(BaseChecker):
    """A family of rules as one pylint checker: its ``msgs`` come from its rules, and a ``visit_<node class>``
    hook is made for each node class a rule declares (pylint skips a hook when all its rules are disabled). The
    hook gives the module context and the node to each enabled rule's ``check``."""

    name = CHECKER_NAME
    rules: ClassVar[tuple[Rule, ...]] = ()

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        cls.msgs = pylint_msgs(cls.rules)
        by_hook: dict[str, list[Rule]] = {}
        for rule in cls.rules:
            if not rule.after_findings:
                for node_class in rule.node_classes:
                    by_hook.setdefault(node_class.__name__.lower(), []).append(rule)
        cls.module_rules = tuple(by_hook.pop("module", ()))
        cls.final_rules = tuple(rule for rule in cls.rules if rule.after_findings)
        for hook, rules in by_hook.items():
            setattr(cls, f"visit_{hook}", _dispatch(tuple(rules)))

    def open(self) -> None:
        if getattr(self.linter.config, config.RECORD_IMPORTS_OPTION.replace("-", "_"), False):
            dependencies.start_recording()  # in this process, also in a -j worker; mslint.run.lint stops it
        self.store = store_of(self.linter)
        self.store.sources.clear()  # a new run: files (and the server's buffers) may have changed

    def visit_module(self, node: nodes.Module) -> None:
        """Enter the module's context, then run the rules that look at the whole module."""
        self.context = self.store.enter(node, self)
        _run(self, self.module_rules, node)

    def leave_module(self, node: nodes.Module) -> None:
        self.store.leave(node, self)

    def after_findings(self, context: ModuleContext) -> None:
        """Run the rules that judge the module's findings (they are emitted by then)."""
        self.context = context
        _run(self, self.final_rules, context.module)


def _run(checker: FamilyChecker, rules: tuple[Rule, ...], node: nodes.NodeNG) -> None:
    for rule in rules:
        if checker.linter.is_message_enabled(rule.symbol):
            rule.check(checker.context, node)


def _dispatch(rules: tuple[Rule, ...]) -> Callable[[FamilyChecker, nodes.NodeNG], None]:
    """A visit hook running the ``check`` of each enabled rule; pylint skips it when all ``rules`` are disabled."""

    def visit(self: FamilyChecker, node: nodes.NodeNG) -> None:
        _run(self, rules, node)

    functools.update_wrapper(visit, _run)
    visit.__doc__ = f"Run {', '.join(rule_symbols(rules))}."
    return only_required_for_messages(*rule_symbols(rules))(visit)
