"""Jupyter notebooks: their code cells joined into one module's source, positions in cells, and fixes written back.

A notebook (nbformat 4, the JSON files Jupyter writes) is linted as one module: its code cells in order, markdown
and raw cells left out, so a name defined in an earlier cell resolves in a later one. IPython syntax is
neutralised line by line, keeping every line where it is: line magics (``%matplotlib inline``), shell escapes
(``!pip install``), help (``obj?``), their assignments (``files = !ls``), automagics (``pip install x``) and
cell magics (``%%bash``: the whole cell; ``%%time``: only its first line, the rest is Python). A cell that does
not parse on its own is left out (each of its lines turned into a comment) and reported, so the other cells are still checked.

Fixes are edits of the joined source; ``NotebookSource.fixed`` maps them back into the cells they fall in
(never across cells, never on a neutralised line), and ``rewritten`` splices the new cell sources into the
notebook's JSON text, so every byte outside the changed ``source`` values stays as it was.
"""

from __future__ import annotations

import ast
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from mslint.core.edits import Edit, Fix, apply_fixes, fixed_text
from mslint.core.positions import SourceText

NOTEBOOK_SUFFIX = ".ipynb"
# Cell magics whose body is Python run in the kernel (as Ruff lists them); any other cell magic's body is not
# Python (``%%bash``, ``%%writefile``, ``%%html``) and the whole cell is left out.
PYTHON_CELL_MAGICS = frozenset({"capture", "debug", "prun", "pypy", "python", "python3", "time", "timeit"})
# IPython's automagics seen in notebooks: ``pip install x`` runs ``%pip install x`` (only when the line is not Python).
AUTOMAGICS = frozenset({
    "alias", "autoreload", "cat", "cd", "clear", "conda", "config", "cp", "env", "history", "load", "load_ext", "ls",
    "mamba", "matplotlib", "micromamba", "mkdir", "mv", "pip", "precision", "pwd", "reload_ext", "rm", "rmdir",
    "run", "set_env", "store", "time", "timeit", "who", "whos",
})
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_ESCAPED = re.compile(r"[ \t]*[%!?]")
# ``name = !ls``, ``a, b = %magic``: IPython assigns the command's output.
_ASSIGNED = re.compile(r"([ \t]*)((?:[A-Za-z_][\w.]*[ \t]*,[ \t]*)*[A-Za-z_][\w.]*)[ \t]*=[ \t]*[%!]")
# A magic's name and its arguments; not when they start as Python goes on (IPython's own test: ``config = 1``).
_AUTOMAGIC = re.compile(r"[ \t]*([A-Za-z_]\w*)[ \t]+[^\s!=()<>,+*%^&|]")  # ``ls /data``: a path, when not Python
_CODE_CHARS = re.compile(r"[#'\"()\[\]{}\\]")
_WHITESPACE = re.compile(r"[ \t\n\r]*")
_IMPORT_LINE = re.compile(r"(?:import|from)[ \t]")


class NotebookError(ValueError):
    """Why a file is not a notebook mslint can read (the message says what to fix)."""


def is_notebook(path: str | Path) -> bool:
    return str(path).endswith(NOTEBOOK_SUFFIX)


def split_lines(text: str) -> list[str]:
    """The lines of a text with their endings (``\\r\\n``, ``\\r``, ``\\n``, as Python's tokenizer ends lines)."""
    return _LINES.findall(text)


class _Scanner:
    """Where statements start, fed line by line: outside strings, brackets and backslash continuations."""

    def __init__(self) -> None:
        self.quote: str | None = None
        self.depth = 0
        self.continued = False

    @property
    def at_statement_start(self) -> bool:
        return self.quote is None and self.depth == 0 and not self.continued

    def feed(self, line: str) -> None:
        self.continued = False
        code = line.rstrip("\r\n")
        index = 0
        while index < len(code):
            if self.quote is not None:
                end = _string_end(code, index, self.quote)
                if end is None:
                    if len(self.quote) == 1 and not code.endswith("\\"):
                        self.quote = None  # an unterminated one-line string ends with its line
                    return
                self.quote, index = None, end
                continue
            found = _CODE_CHARS.search(code, index)
            if found is None:
                return
            char, index = found.group(), found.end()
            if char == "#":
                return
            if char in "'\"":
                triple = code[found.start() : found.start() + 3]
                self.quote = triple if triple in ("'''", '"""') else char
                index = found.start() + len(self.quote)
            elif char in "([{":
                self.depth += 1
            elif char in ")]}":
                self.depth = max(self.depth - 1, 0)
            elif index == len(code):  # a backslash ending the line
                self.continued = True


def _string_end(code: str, index: int, quote: str) -> int | None:
    """The index after the quote closing a string that continues at ``index``, or None when the line ends first."""
    while index < len(code):
        if code[index] == "\\":
            index += 2
        elif code.startswith(quote, index):
            return index + len(quote)
        else:
            index += 1
    return None


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def _is_ipython(line: str) -> bool:
    """Whether a line that starts a statement is IPython syntax rather than Python."""
    code = line.strip()
    if _ESCAPED.match(line) or _ASSIGNED.match(line) or (code.endswith("?") and "#" not in code and code[0] not in "'\""):
        return True
    automagic = _AUTOMAGIC.match(line)
    return bool(automagic and automagic.group(1) in AUTOMAGICS and not _parses(code))


def neutralised(text: str) -> tuple[list[str], frozenset[int]]:
    """A cell's lines with IPython syntax replaced by Python that keeps each line where it is, and the 0-based
    indexes of the lines replaced (the ``masked`` lines, which fixes never touch)."""
    lines = split_lines(text)
    if lines and lines[0].startswith("%%"):
        magic = lines[0][2:].split(maxsplit=1)
        if not magic or magic[0] not in PYTHON_CELL_MAGICS:
            return [_ending(line) for line in lines], frozenset(range(len(lines)))
        masked = {0}
        lines[0] = _ending(lines[0])
    else:
        masked = set()
    scanner = _Scanner()
    index = 0
    while index < len(lines):
        line = lines[index]
        if index in masked or not (scanner.at_statement_start and _is_ipython(line)):
            if index not in masked:
                scanner.feed(line)
            index += 1
            continue
        assigned = _ASSIGNED.match(line)
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        replacement = f"{assigned.group(1)}{assigned.group(2)} = get_ipython()" if assigned else f"{indent}pass"
        lines[index] = replacement + _ending(line)
        masked.add(index)
        while line.rstrip("\r\n").endswith("\\") and index + 1 < len(lines):  # continued on the next line
            index += 1
            line = lines[index]
            lines[index] = _ending(line)
            masked.add(index)
        index += 1
    return lines, frozenset(masked)


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def _commented(line: str) -> str:
    """A line of a cell left out, as a comment of the same length (its columns stay where they were)."""
    body = line.rstrip("\r\n")
    return ("#" + body[1:] if body else "") + line[len(body) :]


@dataclass(frozen=True)
class CodeCell:
    """One code cell: its number in the notebook (1-based, every cell counted, as Jupyter and Ruff number them),
    its source as written, where it starts in the joined source, the lines neutralised, and a syntax error that
    left the cell out (``(line in the cell, column, message)``)."""

    number: int
    text: str
    first_line: int
    offset: int
    line_count: int
    masked: frozenset[int]
    error: tuple[int, int, str] | None = None

    @cached_property
    def source(self) -> SourceText:
        return SourceText(self.text)


@dataclass(frozen=True)
class CellPosition:
    """A position in a notebook: the cell's number, a 1-based line in the cell and a 0-based character column."""

    cell: int
    line: int
    column: int


@dataclass(frozen=True)
class NotebookSource(SourceText):
    """The code cells of a notebook joined into one module's source (``text``), with the way back to the cells;
    ``document`` is the notebook's JSON text when it was read from a file (None for an editor's cells)."""

    cells: tuple[CodeCell, ...] = ()
    document: NotebookDocument | None = None

    @classmethod
    def join(cls, texts: Sequence[str], numbers: Sequence[int] | None = None, document: NotebookDocument | None = None) -> NotebookSource:
        """The joined source of code cells given as texts (numbered 1, 2, ... unless ``numbers`` are given)."""
        numbers = list(numbers) if numbers is not None else list(range(1, len(texts) + 1))
        parts: list[str] = []
        cells: list[CodeCell] = []
        line, offset = 1, 0
        for number, text in zip(numbers, texts):
            lines, masked = neutralised(text)
            error = None
            if not _parses("".join(lines)):
                error = _syntax_error("".join(lines))
                lines, masked = [_commented(each) for each in lines], frozenset(range(len(lines)))
            joined = "".join(lines)
            if joined and not joined.endswith(("\n", "\r")):
                joined += "\n"
            cells.append(CodeCell(number, text, line, offset, len(lines), masked, error))
            parts.append(joined)
            line, offset = line + len(lines), offset + len(joined)
        return cls("".join(parts), tuple(cells), document)

    @classmethod
    def read(cls, raw: bytes) -> NotebookSource:
        """A notebook file's code cells; raises NotebookError when it is not valid JSON or not nbformat 4."""
        document = NotebookDocument.parse(raw)
        return cls.join([cell.text for cell in document.cells], [cell.number for cell in document.cells], document)

    def cell_at(self, line: int) -> CodeCell:
        """The cell holding a 1-based line of the joined source (a line past the end: the last cell)."""
        found = self.cells[0]
        for cell in self.cells:
            if cell.first_line > line:
                break
            if cell.line_count:
                found = cell
        return found

    def position(self, line: int, column: int) -> CellPosition:
        """Where a 1-based line and 0-based character column of the joined source are in their cell."""
        cell = self.cell_at(line)
        in_cell = min(max(line - cell.first_line + 1, 1), max(cell.line_count, 1))
        return CellPosition(cell.number, in_cell, column if in_cell == line - cell.first_line + 1 else 0)

    def cell_edits(self, edits: Iterable[Edit]) -> list[tuple[int, Edit]] | None:
        """The edits as (index in ``cells``, edit of that cell's text), or None when one crosses cells or changes a
        neutralised line (it cannot be written back)."""
        mapped = []
        for edit in edits:
            located = self._cell_edit(edit)
            if located is None:
                return None
            mapped.append(located)
        return mapped

    def _cell_edit(self, edit: Edit) -> tuple[int, Edit] | None:
        (start_line, start_column), (end_line, end_column) = self.line_col(edit.start), self.line_col(edit.end)
        index = self.cells.index(self.cell_at(start_line))
        cell = self.cells[index]
        following = self.cells[index + 1].offset if index + 1 < len(self.cells) else len(self.text)
        first, last = start_line - cell.first_line, end_line - cell.first_line
        lines_inserted = edit.start == edit.end and start_column == 0 and edit.content.endswith(("\n", "\r"))
        if lines_inserted and first == 0 and index > 0 and self._ends_with_import(index - 1):
            return index - 1, self._appended(self.cells[index - 1], edit.content)  # an import joins its cell's imports
        if first < 0 or edit.end > following:
            return None
        if edit.start == edit.end:  # an insertion changes its line, unless whole lines go in before it
            touched = range(first, first + (not lines_inserted))
        else:
            touched = range(first, last + (end_column != 0))
        if any(line in cell.masked for line in touched):
            return None
        if lines_inserted and first == cell.line_count:
            return index, self._appended(cell, edit.content)
        starts = cell.source.line_starts
        start = starts[first] + start_column if first < len(starts) else len(cell.text)
        end = starts[last] + end_column if last < len(starts) else len(cell.text)
        return index, Edit(min(start, len(cell.text)), min(end, len(cell.text)), edit.content)

    def _ends_with_import(self, index: int) -> bool:
        """Whether the cell's last line is an import, not neutralised (lines inserted after it join its imports)."""
        cell = self.cells[index]
        return bool(cell.line_count) and cell.line_count - 1 not in cell.masked and bool(
            _IMPORT_LINE.match(cell.source.line_text(cell.line_count)))

    @staticmethod
    def _appended(cell: CodeCell, lines: str) -> Edit:
        """Whole lines added at the end of a cell (after a line break when its last line has none)."""
        if cell.text and not cell.text.endswith(("\n", "\r")):
            ending = lines[len(lines.rstrip("\r\n")) :]
            lines = ending + lines[: len(lines) - len(ending)]
        return Edit(len(cell.text), len(cell.text), lines)

    def fixed(self, fixes: Iterable[Fix]) -> tuple[list[str], list[Fix]] | None:
        """The cell texts with the fixes applied (those that stay in one cell and off neutralised lines) and the
        fixes applied; None when nothing changes or the result would not be the joined source the fixes make."""
        usable = [fix for fix in fixes if self.cell_edits(fix.edits) is not None]
        new_text = fixed_text(self.text, usable)
        if new_text is None:
            return None
        applied = apply_fixes(self.text, usable)[1]
        by_cell: dict[int, set[Edit]] = defaultdict(set)
        for fix in applied:
            for index, edit in self.cell_edits(fix.edits) or ():
                by_cell[index].add(edit)
        texts = [cell.text for cell in self.cells]
        for index, edits in by_cell.items():
            for edit in sorted(edits, reverse=True):
                texts[index] = texts[index][: edit.start] + edit.content + texts[index][edit.end :]
        if NotebookSource.join(texts).text != new_text:
            return None  # never write what was not checked
        return texts, applied

    def rewritten(self, texts: Sequence[str]) -> bytes | None:
        """The notebook file with its code cells' sources replaced by ``texts`` (every other byte kept); None when
        it would not read back as exactly that notebook."""
        assert self.document is not None
        return self.document.rewritten(texts)

    def file_position(self, line: int, column: int) -> tuple[int, int] | None:
        """Where a 1-based line and 0-based character column of the joined source are written in the notebook's
        JSON text (1-based line, 0-based character column; a column past a neutralised line's end is clamped);
        None without a document."""
        if self.document is None or not self.cells:
            return None
        cell = self.cell_at(line)
        local = min(max(line - cell.first_line, 0), len(cell.source.line_starts) - 1)
        column = min(column, len(cell.source.line_text(local + 1))) if line - cell.first_line == local else 0
        offset = cell.source.line_starts[local] + column
        return self.document.source.line_col(self.document.file_offset(self.cells.index(cell), offset))

    def file_replacements(self, fix: Fix) -> list[tuple[int, int, str]] | None:
        """What writing one fix changes in the notebook's JSON text: ``(start, end, new text)`` of each changed
        cell's ``source`` value; None without a document or when the fix cannot be written into the cells."""
        result = self.fixed([fix]) if self.document is not None else None
        if self.document is None or result is None:
            return None
        cells = zip(self.document.cells, result[0])
        return [(*cell.value, self.document.value_text(cell, new)) for cell, new in cells if new != cell.text]


def _syntax_error(text: str) -> tuple[int, int, str]:
    try:
        ast.parse(text)
    except SyntaxError as error:
        return error.lineno or 1, max((error.offset or 1) - 1, 0), error.msg
    except (ValueError, RecursionError, MemoryError) as error:
        return 1, 0, str(error) or type(error).__name__
    return 1, 0, "invalid syntax"


@dataclass(frozen=True)
class DocumentCell:
    """A code cell as the notebook's JSON text holds it: its number and source, the span of its ``source`` value,
    and the string tokens that make up the source (one for a string, one a line for a list), each as
    ``(start, end, decoded text)``."""

    number: int
    text: str
    value: tuple[int, int]
    tokens: tuple[tuple[int, int, str], ...]
    is_list: bool


class NotebookDocument:
    """A notebook's JSON text with the spans of its code cells' sources (the rest is never re-serialized)."""

    def __init__(self, text: str, bom: bool, data: dict, cells: tuple[DocumentCell, ...]) -> None:
        self.text, self.bom, self.data, self.cells = text, bom, data, cells

    @classmethod
    def parse(cls, raw: bytes) -> NotebookDocument:
        """Raises NotebookError when the bytes are not a JSON notebook in nbformat 4."""
        bom = raw.startswith(b"\xef\xbb\xbf")
        try:
            text = raw[3 if bom else 0 :].decode("utf-8")
        except UnicodeDecodeError as error:
            raise NotebookError(f"not a notebook: not UTF-8 text (byte {error.start})") from error
        try:
            data = json.loads(text)
        except json.JSONDecodeError as error:
            raise NotebookError(f"not a notebook: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})") from error
        except RecursionError as error:
            raise NotebookError("not a notebook: JSON nested too deeply") from error
        _check_nbformat(data)
        spans = _source_spans(text)
        cells = []
        if _is_python(data):
            for number, (cell, (value, tokens)) in enumerate(zip(data["cells"], spans), start=1):
                if cell["cell_type"] == "code":
                    source = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
                    cells.append(DocumentCell(number, source, value, tuple(tokens), isinstance(cell["source"], list)))
        return cls(text, bom, data, tuple(cells))

    @cached_property
    def source(self) -> SourceText:
        """The JSON text, for its lines and columns."""
        return SourceText(self.text)

    def rewritten(self, texts: Sequence[str]) -> bytes | None:
        """The file with the code cells' sources replaced by ``texts``, or None when the result would not read back
        as exactly that notebook."""
        pieces = [(cell.value, self.value_text(cell, new)) for cell, new in zip(self.cells, texts) if new != cell.text]
        text = self.text
        for (start, end), value in sorted(pieces, reverse=True):
            text = text[:start] + value + text[end:]
        if not self._reads_back(text, texts):
            return None
        return (b"\xef\xbb\xbf" if self.bom else b"") + text.encode("utf-8")

    def _reads_back(self, text: str, texts: Sequence[str]) -> bool:
        try:
            data = json.loads(text)
        except ValueError:
            return False
        cells = [dict(cell) for cell in data.get("cells", [])]
        for cell, new in zip(self.cells, texts):
            source = cells[cell.number - 1].get("source")
            if ("".join(source) if isinstance(source, list) else source) != new:
                return False
            cells[cell.number - 1]["source"] = self.data["cells"][cell.number - 1]["source"]
        return {**data, "cells": cells} == self.data

    def value_text(self, cell: DocumentCell, new: str) -> str:
        """A cell's new ``source`` value written as the old one was: the same kind, layout and escaping, and the
        unchanged lines' tokens as they were."""
        if not cell.is_list:
            return self._string(new)
        known = {decoded: self.text[start:end] for start, end, decoded in cell.tokens}
        items = [known.get(line) or self._string(line) for line in re.findall(r"[^\n]*\n|[^\n]+$", new)]
        if not items:
            return "[]"
        prefix, separator, suffix = self._layout(cell)
        return "[" + prefix + separator.join(items) + suffix + "]"

    def _layout(self, cell: DocumentCell) -> tuple[str, str, str]:
        """The whitespace of a list of lines: after ``[``, between items (comma included) and before ``]``."""
        (open_at, close_at), tokens = cell.value, cell.tokens
        if tokens:
            prefix, suffix = self.text[open_at + 1 : tokens[0][0]], self.text[tokens[-1][1] : close_at - 1]
            separator = self.text[tokens[0][1] : tokens[1][0]] if len(tokens) > 1 else "," + prefix
            return prefix, separator, suffix
        if "\n" not in self.text:
            return "", ", " if '", "' in self.text else ",", ""
        newline = "\r\n" if "\r\n" in self.text else "\n"
        line = self.text[self.text.rfind("\n", 0, open_at) + 1 : open_at]
        indent = line[: len(line) - len(line.lstrip(" \t"))]
        second = self.text.split("\n", 2)[1] if self.text.count("\n") > 1 else ""
        unit = second[: len(second) - len(second.lstrip(" \t"))] or " "
        return newline + indent + unit, "," + newline + indent + unit, newline + indent

    def _string(self, value: str) -> str:
        return json.dumps(value, ensure_ascii=self._escapes_non_ascii)

    @cached_property
    def _escapes_non_ascii(self) -> bool:
        """Whether the file writes non-ASCII characters as ``\\uXXXX`` escapes (nbformat writes them as they are)."""
        if any(ord(char) > 0x7F for char in self.text):
            return False
        return any(int(code, 16) > 0x7F for code in re.findall(r"\\u([0-9a-fA-F]{4})", self.text))

    def file_offset(self, index: int, offset: int) -> int:
        """The offset in the JSON text where the character at ``offset`` of cell ``index``'s source is written."""
        cell = self.cells[index]
        for start, end, decoded in cell.tokens:
            if offset < len(decoded) or (start, end, decoded) == cell.tokens[-1]:
                return _raw_index(self.text, start + 1, min(offset, len(decoded)))
            offset -= len(decoded)
        return cell.value[0]


def _raw_index(text: str, index: int, count: int) -> int:
    """The index in a JSON string token (from just after its opening quote) of its ``count``-th decoded character."""
    while count > 0:
        if text[index] != "\\":
            index += 1
        elif text[index + 1] != "u":
            index += 2
        else:
            pair = 0xD800 <= int(text[index + 2 : index + 6], 16) < 0xDC00 and text.startswith("\\u", index + 6)
            index += 12 if pair else 6
        count -= 1
    return index


def _check_nbformat(data: object) -> None:
    """Raise NotebookError unless the data is an nbformat 4 notebook whose cells mslint can read."""
    if not isinstance(data, dict) or not isinstance(data.get("cells"), list):
        if isinstance(data, dict) and "worksheets" in data:
            raise NotebookError("nbformat 3 notebook: only nbformat 4 is read; convert it with "
                                "`jupyter nbconvert --to notebook --nbformat 4`")
        raise NotebookError("not a Jupyter notebook: no 'cells' list (nbformat 4)")
    if data.get("nbformat", 4) != 4:
        raise NotebookError(f"nbformat {data.get('nbformat')!r} notebook: only nbformat 4 is read")
    for number, cell in enumerate(data["cells"], start=1):
        if not isinstance(cell, dict) or not isinstance(cell.get("cell_type"), str):
            raise NotebookError(f"not a Jupyter notebook: cell {number} has no 'cell_type'")
        source = cell.get("source")
        if not (isinstance(source, str) or isinstance(source, list) and all(isinstance(line, str) for line in source)):
            raise NotebookError(f"not a Jupyter notebook: cell {number}'s 'source' is not a string or a list of strings")
        try:
            "".join(source).encode("utf-8")
        except UnicodeEncodeError as error:
            raise NotebookError(f"cell {number}: its source holds a lone surrogate escape, not Unicode text") from error


def _is_python(data: dict) -> bool:
    """Whether the notebook's kernel runs Python (no language given counts as Python, as Jupyter's default)."""
    metadata = data.get("metadata")
    if not isinstance(metadata, dict):
        return True
    languages = [(metadata.get("kernelspec") or {}).get("language"), (metadata.get("language_info") or {}).get("name")]
    return all(not isinstance(language, str) or language.lower() == "python" for language in languages)


def _source_spans(text: str) -> list[tuple[tuple[int, int], list[tuple[int, int, str]]]]:
    """For each cell of a valid notebook's JSON text: the span of its ``source`` value and its string tokens."""
    found: list[tuple[tuple[int, int], list[tuple[int, int, str]]]] = []

    def string(index: int, tokens: list[tuple[int, int, str]]) -> int:
        decoded, end = json.decoder.scanstring(text, index + 1)
        tokens.append((index, end, decoded))
        return end

    def cell_member(key: str, index: int) -> int:
        if key != "source":
            return _skip(text, index)
        tokens: list[tuple[int, int, str]] = []
        end = string(index, tokens) if text[index] == '"' else _elements(text, index, lambda at: string(at, tokens))
        found[-1] = ((index, end), tokens)
        return end

    def cell(index: int) -> int:
        found.append(((index, index), []))
        return _members(text, index, cell_member)

    def top_member(key: str, index: int) -> int:
        if key != "cells":
            return _skip(text, index)
        found.clear()
        return _elements(text, index, cell)

    _members(text, _ws(text, 0), top_member)
    return found


def _ws(text: str, index: int) -> int:
    return _WHITESPACE.match(text, index).end()  # type: ignore[union-attr]


def _skip(text: str, index: int) -> int:
    return json.JSONDecoder().raw_decode(text, index)[1]


def _members(text: str, index: int, visit) -> int:
    """Walk a JSON object at ``index``: ``visit(key, value index)`` returns where the value ends; returns the end."""
    index = _ws(text, index + 1)
    if text[index] == "}":
        return index + 1
    while True:
        key, index = json.decoder.scanstring(text, index + 1)
        index = _ws(text, _ws(text, index) + 1)
        index = _ws(text, visit(key, index))
        if text[index] != ",":
            return index + 1
        index = _ws(text, index + 1)


def _elements(text: str, index: int, visit) -> int:
    """Walk a JSON array at ``index``: ``visit(value index)`` returns where the value ends; returns the end."""
    index = _ws(text, index + 1)
    if text[index] == "]":
        return index + 1
    while True:
        index = _ws(text, visit(index))
        if text[index] != ",":
            return index + 1
        index = _ws(text, index + 1)
