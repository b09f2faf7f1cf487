"""The Python syntax MindSpore's GRAPH_MODE compiles: ``data/graph_syntax.json`` (``scripts/gen_graph_syntax.py``),
read without importing MindSpore.

Every row is one construct compiled on the shipped MindSpore at ``jit_syntax_level`` STRICT and LAX and compared with
PyNative (``data/README_graph_syntax.md``). mslint's levels are ``strict``, ``compatible`` and ``lax``: COMPATIBLE
takes STRICT's verdict, except for the rows ``data/graph_syntax_classification.toml`` lists in
``compatible_like_lax`` (``tests/oracle/test_graph_syntax_compatible.py`` compiles every failing row at COMPATIBLE).
The same file says why a row that fails is reported by no rule. ``data/graph_syntax_pages.toml`` lists every support
statement of the static-graph syntax pages with the rows that test it (``page_statements``).
"""

from __future__ import annotations

import fnmatch
import json
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from mslint.core.tomlcompat import tomllib
from mslint.knowledge import data_text

LEVELS = ("strict", "compatible", "lax")
COLUMNS = {"strict": "STRICT", "lax": "LAX"}
FAILURES = frozenset({"compile-error", "runtime-error", "differs", "crash"})
SUPPORTED = frozenset({"ok", "graph-only"})
# How each failing verdict reads in a message.
OUTCOME_TEXT = {
    "compile-error": "fails to compile",
    "runtime-error": "compiles but raises when run",
    "differs": "compiles but behaves differently from PyNative",
    "crash": "crashes the compiler",
}


@dataclass(frozen=True)
class SyntaxRow:
    """One construct of the table and what MindSpore did with it per level."""

    id: str
    construct: str
    case: str
    verdicts: dict[str, str]  # "STRICT" / "LAX" -> verdict text
    messages: dict[str, str]
    documented: dict[str, str]
    note: str = ""
    dynamic_shape: bool = False
    compatible_like_lax: bool = False  # COMPATIBLE gives LAX's verdict, not STRICT's

    def column(self, level: str) -> str:
        """The table column that holds the verdict of an mslint level."""
        if level == "compatible":
            return "LAX" if self.compatible_like_lax else "STRICT"
        return COLUMNS[level]

    @property
    def table(self) -> str:
        return self.id.split(".", 1)[0]

    @property
    def subject(self) -> str:
        """The builtin, ``<type>.<method>``, AST class or operator the row is about."""
        parts = self.id.split(".")
        return ".".join(parts[1:3]) if self.table == "methods" else parts[1]

    @property
    def variant(self) -> str:
        """What distinguishes the row from the others of its subject (``key``, ``attribute``), or ``""``."""
        parts = self.id.split(".")
        return ".".join(parts[3:] if self.table == "methods" else parts[2:])

    def outcome(self, level: str) -> str:
        """``ok``, ``compile-error``, ``runtime-error``, ``differs``, ``graph-only`` or ``crash`` at an mslint level."""
        return self.verdicts[self.column(level)].split(":", 1)[0]

    def exception(self, level: str) -> str:
        """The exception type of a compile or runtime error at ``level`` (``""`` otherwise)."""
        verdict = self.verdicts[self.column(level)]
        return verdict.split(": ", 1)[1] if self.outcome(level) in ("compile-error", "runtime-error") else ""

    def fails(self, level: str) -> bool:
        return self.outcome(level) in FAILURES

    @property
    def failing_levels(self) -> frozenset[str]:
        return frozenset(level for level in LEVELS if self.fails(level))

    def supported(self, level: str) -> bool:
        return self.outcome(level) in SUPPORTED


@dataclass(frozen=True)
class RowReason:
    """Why a row that fails at some level is reported by no rule (``data/graph_syntax_classification.toml``)."""

    status: str  # "works", "not-checkable" or "pending" (see the file's header)
    reason: str
    levels: tuple[str, ...] = LEVELS  # the levels it explains (the rule that claims the row reports the others)


@dataclass(frozen=True)
class GraphSyntax:
    """The table of one MindSpore version."""

    mindspore_version: str
    rows: dict[str, SyntaxRow]
    reasons: dict[str, RowReason]

    def row(self, row_id: str) -> SyntaxRow | None:
        return self.rows.get(row_id)

    def matching(self, patterns: Iterable[str]) -> list[SyntaxRow]:
        """Rows whose id matches one of the glob patterns, in table order."""
        patterns = tuple(patterns)
        return [row for row_id, row in self.rows.items() if any(fnmatch.fnmatchcase(row_id, p) for p in patterns)]

    def of_subject(self, table: str, subject: str) -> list[SyntaxRow]:
        return [row for row in self.rows.values() if row.table == table and row.subject == subject]

    def supported_forms(self, table: str, subject: str, level: str) -> list[str]:
        """The constructs of a subject's rows that compile and agree with PyNative at ``level``."""
        return [row.construct for row in self.of_subject(table, subject) if row.supported(level)]


@dataclass(frozen=True)
class PageStatement:
    """A support statement of MindSpore's static-graph syntax pages and the rows that test it (or why none can)."""

    key: str
    page: str
    section: str
    text: str
    rows: tuple[str, ...]
    not_checkable: str


@cache
def page_statements() -> tuple[PageStatement, ...]:
    """Every statement of ``data/graph_syntax_pages.toml``, in page order; ``rows`` include the contrary cases."""
    pages = tomllib.loads(data_text("graph_syntax_pages.toml"))
    return tuple(
        PageStatement(key=entry["key"], page=entry["page"], section=entry["section"], text=" ".join(entry["text"].split()),
                      rows=(*entry.get("rows", ()), *entry.get("contrary_rows", ())),
                      not_checkable=entry.get("not_checkable", "").strip())
        for entry in pages["statement"]
    )


@cache
def graph_syntax() -> GraphSyntax:
    data = json.loads(data_text("graph_syntax.json"))
    version = data["versions"]["2.10"]
    classified = tomllib.loads(data_text("graph_syntax_classification.toml"))
    like_lax = frozenset(classified["compatible_like_lax"])
    rows = {
        row_id: SyntaxRow(
            id=row_id,
            construct=entry["construct"],
            case=entry["case"],
            verdicts=entry["verdict"],
            messages=entry.get("message", {}),
            documented=entry["documented"],
            note=entry.get("note", ""),
            dynamic_shape=bool(entry.get("dynamic_shape")),
            compatible_like_lax=row_id in like_lax,
        )
        for table in version["tables"].values()
        for row_id, entry in table.items()
    }
    reasons = {row_id: RowReason(**{**entry, "levels": tuple(entry.get("levels", LEVELS))}) for row_id, entry in classified["row"].items()}
    return GraphSyntax(mindspore_version=version["mindspore"], rows=rows, reasons=reasons)
