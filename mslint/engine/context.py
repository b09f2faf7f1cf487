"""The module context: what every rule sees of the module it checks, built once per module and shared by every
family: the module's settings, its source, framework and origin, the APIs the project patches, memoized analysis,
and the findings reported so far (emitted together when the module is done, after claims are settled)."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, TypeVar

from astroid import nodes
from pylint.interfaces import HIGH, Confidence

from mslint.analysis import calls, names
from mslint.analysis.graph_scope import GraphFunction, graph_functions
from mslint.analysis.origin import Origin, detect_origin
from mslint.analysis.route import Route, detect_route
from mslint.analysis.target import module_settings
from mslint.core.edits import Fix
from mslint.core.noqa import comment_lines, noqa_of
from mslint.core.positions import SourceText, decode_source
from mslint.core.settings import Settings
from mslint.engine.edits import EditBuilder
from mslint.engine.rule import Rule

if TYPE_CHECKING:
    from pylint.lint import PyLinter

T = TypeVar("T")


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
        return cls(line, byte_column(text, start), line, byte_column(text, position.end_col_offset))

    @classmethod
    def attribute(cls, node: nodes.Attribute, source: SourceText) -> Span:
        """The ``.name`` of an attribute access (not its receiver); the dot is included when it touches the name."""
        line, end = node.end_lineno, node.end_col_offset
        start = end - len(node.attrname.encode("utf-8"))
        if source.line_text(line).encode("utf-8")[start - 1 : start] == b".":
            start -= 1
        return cls(line, start, line, end)

    @classmethod
    def keyword(cls, line: int, source: SourceText, word: str) -> Span:
        """The first ``word`` at the start of a line (``else``), after its indentation."""
        text = source.line_text(line)
        column = len(text.encode("utf-8")) - len(text.lstrip().encode("utf-8"))
        return cls(line, column, line, column + len(word.encode("utf-8")))


def _qualified_name(ctx: ModuleContext, node: nodes.NodeNG) -> str | None:
    return names.qualified_name(node)


def byte_column(text: str, char_column: int) -> int:
    return len(text[:char_column].encode("utf-8"))


@dataclass
class _Pending:
    rule: Rule
    node: nodes.NodeNG
    args: tuple[Any, ...] | None
    fix: Fix | None
    confidence: Confidence
    span: Span


class ModuleContext:
    """One module's analysis, shared by every rule that checks it (see the module docstring).

    ``settings`` are the run's settings for this module (``target = "auto"`` becomes the device the module sets).
    Analyses are computed on first use and kept for the module's walk: ``source``, ``framework``, ``route``, ``origin``,
    ``patched``, ``bridge``, ``graphs``, and any function of the context through ``memo``.
    """

    def __init__(self, module: nodes.Module, run_settings: Settings, linter: PyLinter, sources: dict[str, SourceText]) -> None:
        self.module = module
        self.settings = module_settings(run_settings, module)
        self.linter = linter
        self._sources = sources  # decoded files of the run, by path (shared across modules)
        self._memo: dict[Hashable, Any] = {}
        self._pending: list[_Pending] = []
        self._claims: dict[nodes.NodeNG, str] = {}
        self._seen: set[Hashable] = set()
        self.fixes: dict[tuple[int, int, int, int, str], Fix] = {}  # (span..., symbol) of the findings emitted
        self.noqa_used: dict[int, set[str]] = {}  # line -> ids its ``# noqa`` suppressed

    # what the module is

    @cached_property
    def source(self) -> SourceText:
        return self.source_of(self.module)

    def source_of(self, node: nodes.NodeNG) -> SourceText:
        """The decoded text of the file a node comes from (read once per run)."""
        module = node.root()
        key = module.file or module.name
        if key not in self._sources:
            with module.stream() as stream:
                raw = stream.read()
            self._sources[key] = SourceText(decode_source(raw)[0])
        return self._sources[key]

    @cached_property
    def framework(self) -> str:
        """``mindspore``, ``torch``, ``mixed``, ``compat`` or ``none``: what the module imports; ``compat`` (a
        torch layer) also for a module importing torch in a project whose ``import torch`` reaches the layer."""
        imported = names.framework_of(self.module)
        return "compat" if imported in ("torch", "mixed") and self.route.torch_is_layer else imported

    @cached_property
    def route(self) -> Route:
        """The project's route to MindSpore (a native port or MindTorch), found once per project."""
        return detect_route(self.module.file, self.settings.route)

    @cached_property
    def origin(self) -> Origin:
        """The framework the module is ported from."""
        return detect_origin(self.module, self.settings.origin)

    @cached_property
    def patched(self) -> frozenset[str]:
        """MindSpore names whose signatures this module cannot trust (the project replaces or inspects them)."""
        return calls.patched_names(self.module, self.source.text, self.settings.patched_apis)

    @cached_property
    def bridge(self) -> bool:
        """A file that uses PyTorch beside MindSpore on purpose (weight converter, alignment script)."""
        return self.framework == "mixed" and calls.is_bridge_script(self.module)

    @cached_property
    def graphs(self) -> dict[nodes.FunctionDef, GraphFunction]:
        """The functions compiled as graph code, with their syntax levels."""
        return graph_functions(self.module, self.settings)

    def in_graph_code(self, node: nodes.NodeNG) -> bool:
        """Inside a function compiled as graph code (or a function nested in one)."""
        scope = node.frame()
        while isinstance(scope, (nodes.FunctionDef, nodes.Lambda)):
            if scope in self.graphs:
                return True
            scope = scope.parent.frame() if scope.parent else None
        return False

    def memo(self, compute: Callable[..., T], *args: Hashable) -> T:
        """``compute(self, *args)``, computed once for this module (an analysis of the module, of a class, of a
        call ...)."""
        key = (compute, *args)
        if key not in self._memo:
            self._memo[key] = compute(self, *args)
        return self._memo[key]

    def callee(self, call: nodes.Call) -> str | None:
        """The qualified name a call's callee resolves to through imports (``nn.Dense`` -> ``mindspore.nn.Dense``)."""
        return self.memo(_qualified_name, call.func)

    def once(self, *key: Hashable) -> bool:
        """True the first time a key is seen in this module (a parameter default reached by several calls is
        reported once)."""
        if key in self._seen:
            return False
        self._seen.add(key)
        return True

    # text and edits

    @cached_property
    def edit(self) -> EditBuilder:
        return EditBuilder(self.source)

    def text(self, node: nodes.NodeNG) -> str:
        """A node's source text."""
        source = self.source_of(node)
        return source.text[source.offset(node.lineno, node.col_offset) : source.offset(node.end_lineno, node.end_col_offset)]

    # findings

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
        """Report a finding of ``rule`` on ``node`` (if the rule applies under the settings and, for a rule with
        ``levels``, at one of the jit_syntax_levels the code is compiled at), with its fix."""
        if not rule.applies(self.settings) or (rule.levels and levels is not None and not rule.levels & levels):
            return
        if fix is not None and rule.fix is not None and fix.applicability.at_most(rule.fix) is not fix.applicability:
            fix = dataclasses.replace(fix, applicability=rule.fix)  # never labelled safer than the rule declares
        self._pending.append(_Pending(rule, node, args, fix, confidence, span or Span.of(node, self.source_of(node))))

    def claim(self, node: nodes.NodeNG, rule: Rule) -> None:
        """``rule`` speaks for ``node``: other rules' findings on it are dropped (``self.children()`` is reported
        as a PyTorch method, not as an unknown attribute)."""
        self._claims.setdefault(node, rule.symbol)

    @cached_property
    def ignored_rules(self) -> frozenset[str]:
        """The rules ``per-file-ignores`` turns off in this module."""
        return self.settings.ignored_in(self.module.file) if self.module.file and self.settings.per_file_ignores else frozenset()

    @cached_property
    def noqa_lines(self) -> dict[int, int]:
        """Line -> the line holding its ``# noqa``, for lines that cannot end in a comment (``core.noqa``)."""
        return comment_lines(self.source.text)

    def emit(self) -> None:
        """Emit the module's findings: claimed ones and those ``per-file-ignores`` turns off dropped, ``# noqa``
        applied (its use recorded)."""
        pending, self._pending = self._pending, []
        for finding in pending:
            owner = self._claims.get(finding.node)
            if owner is not None and owner != finding.rule.symbol:
                continue
            if finding.rule.symbol in self.ignored_rules or self._suppressed(finding.rule, finding.span.line):
                continue
            span = finding.span
            self.linter.add_message(
                finding.rule.symbol,
                line=span.line,
                node=finding.node,
                args=finding.args,
                confidence=finding.confidence,
                col_offset=span.column,
                end_lineno=span.end_line,
                end_col_offset=span.end_column,
            )
            if finding.fix is not None and self.module.file:
                self.fixes[(span.line, span.column, span.end_line, span.end_column, finding.rule.symbol)] = finding.fix

    def _suppressed(self, rule: Rule, line: int) -> bool:
        """Whether a ``# noqa`` comment on the finding's first line (or where that line's comment goes)
        suppresses it (the use is recorded)."""
        line = self.noqa_lines.get(line, line)
        if not 1 <= line <= len(self.source.line_starts):
            return False
        noqa = noqa_of(self.source.line_text(line), line)
        if noqa is None or not noqa.suppresses(rule.msgid, rule.symbol):
            return False
        self.noqa_used.setdefault(line, set()).add(rule.msgid)
        return True
