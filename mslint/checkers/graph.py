"""GRAPH_MODE rules (73xx): one rule per verified GraphFact, matched in the module's graph code."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from astroid import nodes

from mslint.checkers.base import FamilyChecker, Span
from mslint.graph_facts import GRAPH_FACTS, GraphFact
from mslint.graph_scope import GraphFunction, graph_functions
from mslint.graph_values import Body
from mslint.rule import Oracle, Rule

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
    where = "" if "graph code" in fact.construct else " in graph code"
    what = f"Checks graph code for: {fact.ast_pattern}\n\n{SCOPE_DOC}"
    if fact.not_reported:
        what += "\n\nNot reported: " + "; ".join(fact.not_reported) + "."
    return Rule(
        symbol=fact.symbol,
        triggers=frozenset({"module"}),
        message=f"{fact.construct}{where} {outcome}: {_plain(fact.why)} Rewrite: {fact.rewrite}",
        summary=f"{fact.construct[0].upper()}{fact.construct[1:]}{where} {outcome}.",
        what=what,
        why=f"{fact.why}\n\nGraph-safe rewrite: {fact.rewrite}",
        default_enabled=fact.kind != "slow-dynamic",
        oracle=ORACLE[fact.kind],
        oracle_detail=_oracle_detail(fact),
        references=tuple(dict.fromkeys(_URL.findall(fact.why))),
        levels=fact.levels,
        tags=("graph-mode", fact.kind),
    )


GRAPH_RULES = tuple(rule_of(fact) for fact in GRAPH_FACTS)
MATCHERS = {fact.symbol: fact.matcher for fact in GRAPH_FACTS}


def graph_matches(graphs: Iterable[GraphFunction], rules: Iterable[Rule]) -> Iterator[tuple[Rule, nodes.NodeNG, frozenset[str]]]:
    """(rule, matched node, levels of the graph) for each rule matched in the graph functions, once per node."""
    reported: set[tuple[int, str]] = set()
    rules = tuple(rules)
    for graph in graphs:
        body = Body(graph)
        levels = frozenset(graph.levels)
        for rule in rules:
            for found in MATCHERS[rule.symbol](body):
                key = (id(found), rule.symbol)
                if key not in reported:
                    reported.add(key)
                    yield rule, found, levels


class GraphChecker(FamilyChecker):
    """Reports GRAPH_MODE pitfalls in the graph code of each module."""

    rules = GRAPH_RULES

    def check_module(self, node: nodes.Module) -> None:
        for rule, found, levels in graph_matches(graph_functions(node, self.settings).values(), self.rules):
            span = self._loop_else_span(found) if rule.symbol == "ms-graph-loop-else" else None
            self.report(rule, found, span=span, levels=levels)

    def _loop_else_span(self, first: nodes.NodeNG) -> Span:
        """The ``else:`` keyword above a loop's first else statement."""
        source = self.source(first)
        line = first.lineno - 1
        while line > 1 and not source.line_text(line).lstrip().startswith("else"):
            line -= 1
        text = source.line_text(line)
        column = len(text.encode("utf-8")) - len(text.lstrip().encode("utf-8"))
        return Span(line, column, line, column + len("else"))
