"""Findings: pylint messages joined with their fixes, in character columns."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from mslint.core.edits import Fix
from mslint.core.notebooks import CellPosition, NotebookError, NotebookSource, is_notebook
from mslint.core.positions import SourceText, decode_source

if TYPE_CHECKING:  # pylint and astroid are imported only when a lint runs (a warm cache needs neither)
    from pylint.message import Message

    from mslint.engine.checker import FixKey


@cache
def source_of(abspath: str) -> SourceText | None:
    """The decoded text of a file (of a notebook: its code cells joined, a ``NotebookSource``), or None if it
    cannot be read or decoded."""
    try:
        raw = Path(abspath).read_bytes()
        return NotebookSource.read(raw) if is_notebook(abspath) else SourceText(decode_source(raw)[0])
    except (OSError, SyntaxError, LookupError, UnicodeDecodeError, NotebookError):
        return None


@dataclass(frozen=True)
class Finding:
    """One message, located with 1-based lines and 0-based character columns."""

    path: str
    abspath: str
    line: int
    column: int
    end_line: int
    end_column: int
    msg_id: str
    symbol: str
    message: str
    category: str
    confidence: str
    fix: Fix | None

    @classmethod
    def file_level(cls, path: Path, msg_id: str, symbol: str, message: str) -> Finding:
        """A finding about a whole file (line 1, column 0)."""
        return cls(str(path), str(path.resolve()), 1, 0, 1, 0, msg_id, symbol, message, "fatal", "UNDEFINED", None)

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line, self.column, self.symbol)

    @property
    def is_mslint(self) -> bool:
        return self.symbol.startswith("ms-")

    @classmethod
    def from_message(cls, message: Message, fixes: dict[FixKey, Fix], source: SourceText | None = None) -> Finding:
        """The finding of a message; ``source`` is the text that was linted (default: the file's)."""
        from mslint.engine.checker import fix_key

        line, end_line = message.line or 1, message.end_line or message.line or 1
        column, end_column = message.column or 0, message.end_column
        if source is None and message.abspath:
            source = source_of(message.abspath)
        if source is not None and line <= len(source.line_starts):
            column = source.char_column(line, column)
            end_column = source.char_column(end_line, end_column) if end_column is not None else None
        key = fix_key(message.abspath, message.line, message.column, message.end_line or 0, message.end_column or 0, message.symbol)
        return cls(
            path=message.path,
            abspath=message.abspath,
            line=line,
            column=column,
            end_line=end_line,
            end_column=end_column if end_column is not None else column,
            msg_id=message.msg_id,
            symbol=message.symbol,
            message=message.msg,
            category=message.category,
            confidence=message.confidence.name,
            fix=fixes.get(key),
        )

    @property
    def cell_range(self) -> tuple[CellPosition, CellPosition] | None:
        """In a notebook, where the finding starts and ends in its cell (None for other files)."""
        source = source_of(self.abspath) if is_notebook(self.abspath) else None
        if not isinstance(source, NotebookSource) or not source.cells:
            return None
        return source.position(self.line, self.column), source.position(self.end_line, self.end_column)

    @property
    def place(self) -> str:
        """``line:column`` (1-based), ``cell N:line:column`` in a notebook (as Ruff writes them)."""
        cells = self.cell_range
        if cells is None:
            return f"{self.line}:{self.column + 1}"
        return f"cell {cells[0].cell}:{cells[0].line}:{cells[0].column + 1}"

    def file_range(self) -> tuple[SourceText | None, int, int, int, int]:
        """The file's text and the finding's range in it (1-based lines, 0-based character columns): in a notebook,
        where the characters are written in its JSON text (a cell's ``source``); else the finding's own range."""
        source = source_of(self.abspath)
        if not isinstance(source, NotebookSource) or source.document is None:
            return source, self.line, self.column, self.end_line, self.end_column
        start = source.file_position(self.line, self.column) or (1, 0)
        end = source.file_position(self.end_line, self.end_column) or start
        return source.document.source, *start, *end

    def to_json(self) -> dict[str, object]:
        cells = self.cell_range
        start, end = ((cells[0].line, cells[0].column), (cells[1].line, cells[1].column)) if cells else ((self.line, self.column), (self.end_line, self.end_column))
        data: dict[str, object] = {
            "path": self.path.replace("\\", "/"),
            **({"cell": cells[0].cell} if cells else {}),
            "line": start[0],
            "column": start[1] + 1,
            "end_line": end[0],
            "end_column": end[1] + 1,
            "msg_id": self.msg_id,
            "symbol": self.symbol,
            "message": self.message,
            "category": self.category,
            "confidence": self.confidence,
            "fix": None,
        }
        if self.fix is not None:
            source = source_of(self.abspath)
            data["fix"] = {**self.fix.to_json(), "edits": [_edit_json(source, edit) for edit in self.fix.edits]}
        return data


def _edit_json(source: SourceText | None, edit) -> dict[str, object]:
    data: dict[str, object] = {"start": edit.start, "end": edit.end, "content": edit.content}
    if source is not None:
        for name, offset in (("start", edit.start), ("end", edit.end)):
            line, column = source.line_col(offset)
            if isinstance(source, NotebookSource) and source.cells:
                cell = source.position(line, column)
                data[f"{name}_position"] = {"cell": cell.cell, "line": cell.line, "column": cell.column + 1}
            else:
                data[f"{name}_position"] = {"line": line, "column": column + 1}
    return data


def findings_of(messages: Iterable[Message], fixes: dict[FixKey, Fix], sources: Mapping[str, SourceText] | None = None) -> list[Finding]:
    """Findings sorted by path and position; ``sources`` maps absolute paths linted from memory to their text."""
    sources = sources or {}
    found = [Finding.from_message(message, fixes, sources.get(message.abspath)) for message in messages]
    return sorted(found, key=Finding.sort_key)
