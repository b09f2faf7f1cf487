"""GRAPH_MODE rules (73xx): one rule per verified GraphFact, matched in the module's graph code."""

from __future__ import annotations

import builtins
import fnmatch
import functools
import re
from collections.abc import Iterable, Iterator

from astroid import nodes

from mslint.analysis.graph_scope import GraphFunction
from mslint.analysis.graph_values import Body
from mslint.engine.checker import FamilyChecker
from mslint.engine.context import ModuleContext
from mslint.engine.rule import Oracle, Rule
from mslint.knowledge.graph_syntax import LEVELS, OUTCOME_TEXT, PageStatement, SyntaxRow, graph_syntax
from mslint.rules.graph.facts import GRAPH_FACTS, GraphFact
from mslint.rules.graph.matchers import Hit

OUTCOME = {
    "compile-error": "fails to compile",
    "diverges": "compiles but behaves differently from PyNative",
    "slow-dynamic": "compiles but runs a slow or dynamic-shape path",
}
ORACLE = {"compile-error": Oracle.RAISES, "diverges": Oracle.DIVERGES, "slow-dynamic": Oracle.SLOW}
# "(p01, p02; SG C3 https://...)": probe ids and links belong in the docs, not in the message.
_REFERENCES = re.compile(r"\s*\((?=[^()]*(?:\b[pj]\d\d|https?://|card|extra_|issue))[^()]*\)")
_URL = re.compile(r"https?://[^\s)]+")
SCOPE_DOC = (
    "Graph code is the `construct` of nn.Cell subclasses when the module runs in GRAPH_MODE "
    "(`set_context(mode=GRAPH_MODE)` in the module, or `graph-mode = \"always\"`), functions decorated with or "
    "wrapped by `ms.jit` (in every mode), functions given to `ms.value_and_grad`/`ms.grad`/`GradOperation` in "
    "GRAPH_MODE, and every method, function and sub-cell `construct` they call."
)


def _plain(text: str) -> str:
    return _REFERENCES.sub("", text)


def _level_text(levels: frozenset[str]) -> str:
    return "every jit_syntax_level" if len(levels) == 3 else "jit_syntax_level " + "/".join(sorted(levels)).upper()


def _oracle_detail(fact: GraphFact) -> str:
    if fact.kind != "compile-error":
        return ""
    by_type: dict[str, list[str]] = {}
    for level, exception in sorted(fact.raises.items()):
        by_type.setdefault(exception, []).append(level)
    if len(by_type) == 1:
        return next(iter(by_type))
    return ", ".join(f"{exception} ({', '.join(levels)})" for exception, levels in by_type.items())


def rule_of(fact: GraphFact) -> Rule:
    """The rule of a GraphFact (its id is the symbol's row in the code table)."""
    outcome = f"{OUTCOME[fact.kind]} at {_level_text(fact.levels)}"
    if fact.differs:
        outcome += f" and {OUTCOME['diverges']} at {_level_text(fact.differs)}"
    where = "" if "graph code" in fact.construct else " in graph code"
    what = f"Checks graph code for: {fact.ast_pattern}\n\n{SCOPE_DOC}"
    if fact.not_reported:
        what += "\n\nNot reported: " + "; ".join(fact.not_reported) + "."
    return Rule(
        symbol=fact.symbol,
        node=nodes.Module,
        check=functools.partial(_check_fact, fact),
        message=fact.message or f"{fact.construct}{where} {outcome}: {_plain(fact.why)} Rewrite: {fact.rewrite}",
        summary=f"{sentence_start(fact.construct)}{where} {outcome}.",
        what=what,
        why=f"{fact.why}\n\nGraph-safe rewrite: {fact.rewrite}",
        default_enabled=fact.kind != "slow-dynamic",
        oracle=ORACLE[fact.kind],
        oracle_detail=_oracle_detail(fact),
        references=tuple(dict.fromkeys(_URL.findall(fact.why))),
        levels=fact.reported_levels,
        tags=("graph-mode", fact.kind),
    )


ERROR_OUTCOMES = frozenset({"compile-error", "runtime-error", "crash"})


def claims(fact: GraphFact, row_id: str) -> bool:
    """The rule speaks for the row: one of its patterns matches it."""
    return any(fnmatch.fnmatchcase(row_id, pattern) for pattern in fact.rows)


def _row_levels(fact: GraphFact, row: SyntaxRow) -> frozenset[str]:
    """The levels at which a row's verdict is of the fact's kind (a compile error for a compile-error rule, a
    difference for a diverges rule or at the record's ``differs`` levels); none when the rule does not claim the row
    (``GraphFact.rows``), nor at the levels the table's classification says no rule reports."""
    if not claims(fact, row.id):
        return frozenset()
    reason = graph_syntax().reasons.get(row.id)
    explained = frozenset(reason.levels) if reason is not None else frozenset()
    found = {level for level in LEVELS if row.outcome(level) in ERROR_OUTCOMES and fact.kind == "compile-error"}
    found |= {level for level in LEVELS if row.outcome(level) == "differs" and (fact.kind == "diverges" or level in fact.differs)}
    return (frozenset(found) - explained) & fact.reported_levels


# How a statement of the static-graph syntax pages fares on the shipped MindSpore (docs/graph_mode.md).
STATEMENT_CLASSES = {
    "rule": "a row that tests it fails and a rule reports it",
    "works": "every row that tests it compiles and agrees with PyNative (or only the type or text of a value differs)",
    "not-checkable": "no probe can test it, or what fails is not visible in the code",
    "pending": "a row fails, is visible in the code, and no rule reports it yet",
    "unclassified": "a failing row that no rule claims and graph_syntax_classification.toml does not explain",
}


def row_class(row: SyntaxRow) -> tuple[str, tuple[str, ...]]:
    """The class of one row and the rules that claim it: a failing level that graph_syntax_classification.toml does not
    explain is a rule's (tests/test_graph_syntax_rules.py lints every row's probe), the explained ones take its status."""
    failing = row.failing_levels
    if not failing:
        return "works", ()
    reason = graph_syntax().reasons.get(row.id)
    explained = set(reason.levels) if reason is not None else set()
    claimants = tuple(fact.symbol for fact in GRAPH_FACTS if claims(fact, row.id))
    if failing - explained:
        return ("rule", claimants) if claimants else ("unclassified", ())
    return reason.status, ()


def statement_class(statement: PageStatement) -> tuple[str, tuple[str, ...]]:
    """The class of a page statement (the first of unclassified, rule, pending, not-checkable, works that one of its
    rows has) and the rules that report its rows."""
    if not statement.rows:
        return ("not-checkable", ()) if statement.not_checkable else ("unclassified", ())
    found = [row_class(row) if row is not None else ("unclassified", ())
             for row in map(graph_syntax().row, statement.rows)]
    rules = tuple(dict.fromkeys(symbol for _, symbols in found for symbol in symbols))
    classes = {klass for klass, _ in found}
    return next(k for k in ("unclassified", "rule", "pending", "not-checkable", "works") if k in classes), rules


def outcome_text(fact: GraphFact, row: SyntaxRow) -> str:
    """What the row's construct does at the levels the rule reports it: "fails to compile at every
    jit_syntax_level (RuntimeError)"."""
    groups: dict[tuple[str, str], set[str]] = {}
    for level in _row_levels(fact, row):
        groups.setdefault((row.outcome(level), row.exception(level)), set()).add(level)
    parts = []
    for (outcome, exception), levels in sorted(groups.items(), key=lambda item: LEVELS.index(min(item[1], key=LEVELS.index))):
        parts.append(f"{OUTCOME_TEXT[outcome]} at {_level_text(frozenset(levels))}" + (f" ({exception})" if exception else ""))
    return " and ".join(parts)


def fact_findings(fact: GraphFact, bodies: Iterable[Body], module: nodes.Module | None = None) -> Iterator[tuple[nodes.NodeNG, frozenset[str], tuple | None]]:
    """(matched node, levels it is reported at, message arguments) of one fact, once per node."""
    reported: set[nodes.NodeNG] = set()
    sources = [(fact.matcher(module), fact.levels)] if fact.scope == "module" else [(fact.matcher(body), frozenset(body.graph.levels)) for body in bodies]
    for found_items, graph_levels in sources:
        for found in found_items:
            node, levels, args = found, graph_levels, None
            if isinstance(found, Hit):
                row = graph_syntax().row(found.row)
                if row is None:
                    continue
                node, levels = found.node, graph_levels & (found.levels or graph_levels) & _row_levels(fact, row)
                args = (found.what, outcome_text(fact, row), found.advice) if fact.message else None
                if not levels:
                    continue
            if node not in reported:
                reported.add(node)
                yield node, levels, args


def fact_matches(fact: GraphFact, bodies: Iterable[Body]) -> Iterator[tuple[nodes.NodeNG, frozenset[str]]]:
    """(matched node, levels of its graph) of one fact in graph functions, once per node."""
    if fact.scope == "graph":
        for node, levels, _ in fact_findings(fact, bodies):
            yield node, levels


def _bodies(ctx: ModuleContext) -> list[Body]:
    return [Body(graph) for graph in ctx.graphs.values()]


def sentence_start(text: str) -> str:
    """``text`` capitalised to start a sentence, unless it starts with code (``getattr``, ``ops.stack``,
    ``random.*``, ``jit_class``), which keeps its spelling."""
    first = text.split(" ", 1)[0]
    if not first.replace("-", "").isalpha() or not first.islower() or first in vars(builtins):
        return text
    return text[0].upper() + text[1:]


def _check_fact(fact: GraphFact, ctx: ModuleContext, module: nodes.Module) -> None:
    rule = RULES[fact.symbol]
    for found, levels, args in fact_findings(fact, ctx.memo(_bodies), module):
        span = fact.span(ctx.source_of(found), found) if fact.span else None
        ctx.report(rule, found, args, span=span, levels=levels)


GRAPH_RULES = tuple(rule_of(fact) for fact in GRAPH_FACTS)
RULES = {rule.symbol: rule for rule in GRAPH_RULES}


def graph_matches(graphs: Iterable[GraphFunction], rules: Iterable[Rule]) -> Iterator[tuple[Rule, nodes.NodeNG, frozenset[str]]]:
    """(rule, matched node, levels of the graph) for each rule matched in the graph functions, once per node."""
    bodies = [Body(graph) for graph in graphs]
    facts = {fact.symbol: fact for fact in GRAPH_FACTS}
    for rule in rules:
        for found, levels in fact_matches(facts[rule.symbol], bodies):
            yield rule, found, levels


class GraphChecker(FamilyChecker):
    """Reports GRAPH_MODE pitfalls in the graph code of each module."""

    rules = GRAPH_RULES
