"""GRAPH_MODE rules (73xx): one rule per verified GraphFact, matched in the module's graph code."""

from __future__ import annotations

import builtins
import functools
import re
from collections.abc import Iterable, Iterator

from astroid import nodes

from mslint.analysis.graph_scope import GraphFunction
from mslint.analysis.graph_values import Body
from mslint.engine.checker import FamilyChecker
from mslint.engine.context import ModuleContext
from mslint.engine.rule import Oracle, Rule
from mslint.rules.graph.facts import GRAPH_FACTS, GraphFact

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
        node=nodes.Module,
        check=functools.partial(_check_fact, fact),
        message=f"{fact.construct}{where} {outcome}: {_plain(fact.why)} Rewrite: {fact.rewrite}",
        summary=f"{sentence_start(fact.construct)}{where} {outcome}.",
        what=what,
        why=f"{fact.why}\n\nGraph-safe rewrite: {fact.rewrite}",
        default_enabled=fact.kind != "slow-dynamic",
        oracle=ORACLE[fact.kind],
        oracle_detail=_oracle_detail(fact),
        references=tuple(dict.fromkeys(_URL.findall(fact.why))),
        levels=fact.levels,
        tags=("graph-mode", fact.kind),
    )


def fact_matches(fact: GraphFact, bodies: Iterable[Body]) -> Iterator[tuple[nodes.NodeNG, frozenset[str]]]:
    """(matched node, levels of its graph) of one fact in graph functions, once per node."""
    reported: set[nodes.NodeNG] = set()
    for body in bodies:
        for found in fact.matcher(body):
            if found not in reported:
                reported.add(found)
                yield found, frozenset(body.graph.levels)


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
    for found, levels in fact_matches(fact, ctx.memo(_bodies)):
        span = fact.span(ctx.source_of(found), found) if fact.span else None
        ctx.report(rule, found, span=span, levels=levels)


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
