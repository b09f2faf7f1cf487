"""Checking a file that does not parse: its offending statements are neutralised (a stray token, Python 2 syntax)
and it is parsed again, a few times at most. Every other line keeps its text, so every other finding keeps its
line and column; the lines left out are named in the syntax error reported.

A statement is neutralised in place: its first line becomes ``pass`` at its indentation (``if True:`` and the like
when a block follows, so the block is still checked) and its other lines become empty. Indentation errors blank the
stray lines, or close a block left without a body; a NUL byte becomes a space; tabs mixed with spaces are expanded
as Python 2 read them (the only case where columns on other lines move).
"""

from __future__ import annotations

import ast
import io
import re
import tokenize
from dataclasses import dataclass

from mslint.run.screening import MAX_DEPTH, PYTHON2_STATEMENT_SIGNS, nesting_depth, python2_sign

MAX_ATTEMPTS = 8  # parses after the first one
# The header a broken block header becomes, by its first word (any other: ``if True:``).
_HEADERS = {"elif": "elif True:", "else": "else:", "try": "try:", "except": "except Exception:", "finally": "finally:", "case": "case None:"}
# The (first, last) lines of each logical line the tokenizer read, and the first line of the one it stopped in.
Logical = tuple[list[tuple[int, int]], int | None]
_SKIPPED_TOKENS = frozenset({tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENDMARKER})


@dataclass(frozen=True)
class Repair:
    """A source that parses once the statements on ``left_out`` lines are neutralised."""

    text: str
    error: SyntaxError  # the first error Python reported
    left_out: tuple[int, ...]
    python2: str | None  # the Python 2 sign, when the file reads as Python 2 ('print statement, line 12')

    def message(self) -> str:
        """The syntax error's message: what failed, what was checked, what to do."""
        lines = _line_ranges(self.left_out)
        rest = f"The rest of the file was checked without {lines}" if lines else "The rest of the file was checked"
        if self.python2:
            return f"Python 2 source ({self.python2}), which Python 3 cannot parse: port it to Python 3. {rest}; no fix is applied to a file that does not parse."
        where = f" line {self.error.lineno}" if self.error.lineno else ""
        return f"Python cannot parse{where}: {self.error.msg}. {rest}; no fix is applied to a file that does not parse."


def repaired(text: str) -> Repair | None:
    """The text with its offending statements neutralised, once it parses (and is not nested too deeply to check);
    None when it parses as it is, or still does not after ``MAX_ATTEMPTS`` repairs."""
    try:
        ast.parse(text)
        return None
    except (SyntaxError, ValueError) as error:
        first = error if isinstance(error, SyntaxError) else SyntaxError(str(error))
    except (RecursionError, MemoryError):
        return None
    lines = text.splitlines(keepends=True)
    left_out: set[int] = set()
    error: SyntaxError | None = first
    python2 = python2_sign(text, first)
    if python2:  # every Python 2 statement at once: such files have many
        logical = _logical_lines(text)
        for span in _python2_statements(lines, logical):
            lines = _neutralised(lines, span, left_out, logical)
        error = _parse_error("".join(lines))
    for _ in range(MAX_ATTEMPTS + 1):
        if error is None:
            break
        new_lines = _repaired_at(lines, error, left_out)
        if new_lines is None or new_lines == lines:
            return None
        lines = new_lines
        error = _parse_error("".join(lines))
    else:
        return None
    if error is not None or _too_deep("".join(lines)):
        return None
    return Repair("".join(lines), first, tuple(sorted(left_out)), python2)


def _parse_error(text: str) -> SyntaxError | None:
    try:
        ast.parse(text)
    except SyntaxError as error:
        return error
    except ValueError as error:
        return SyntaxError(str(error))
    return None


def _too_deep(text: str) -> bool:
    try:
        return nesting_depth(ast.parse(text)) > MAX_DEPTH
    except (RecursionError, MemoryError):
        return True


def _repaired_at(lines: list[str], error: SyntaxError, left_out: set[int]) -> list[str] | None:
    """``lines`` with what caused ``error`` neutralised (None: nothing to do)."""
    message = error.msg or ""
    if "null bytes" in message:
        return [line.replace("\0", " ") for line in lines]
    if not lines:
        return None
    number = min(max(error.lineno or len(lines), 1), len(lines))
    if isinstance(error, TabError):
        return [_tabs_expanded(line) for line in lines]
    if isinstance(error, IndentationError):
        block = re.search(r"expected an indented block after .* on line (\d+)", message)
        if block:
            return _body_added(lines, int(block.group(1)), left_out)
        return _blanked(lines, number, left_out)  # unexpected indent, unindent to no outer level, too deep
    return _neutralised(lines, _statement_span(lines, number), left_out)


def _neutralised(lines: list[str], span: tuple[int, int], left_out: set[int], logical: Logical | None = None) -> list[str]:
    """``lines`` with the statement on the ``span`` of lines replaced by ``pass`` (or by a header, when a block
    follows); ``logical``: the logical lines of the text, when known."""
    first, last = span
    following = _next_code_line(lines, last)
    indentation = _block_indentation(lines, first, following, logical)
    header = following is not None and _width(lines[following - 1]) > _width(indentation)
    if header:
        replacement = _HEADERS.get(lines[first - 1].split(None, 1)[0].rstrip(":"), "if True:") if lines[first - 1].strip() else "if True:"
    else:
        replacement = "pass"
    new = list(lines)
    new[first - 1] = indentation + replacement + _ending(lines[first - 1])
    for index in range(first, last):
        new[index] = _ending(lines[index])
    left_out.update(range(first, last + 1))
    return new


def _blanked(lines: list[str], number: int, left_out: set[int]) -> list[str]:
    """``lines`` with line ``number`` and the lines indented at least as deeply after it emptied."""
    width = _width(lines[number - 1])
    last = number
    for index in range(number, len(lines)):
        if lines[index].strip() and _width(lines[index]) < width:
            break
        last = index + 1
    new = list(lines)
    for index in range(number - 1, last):
        new[index] = _ending(lines[index])
    left_out.update(number for number in range(number, last + 1) if lines[number - 1].strip())
    return new


def _body_added(lines: list[str], header: int, left_out: set[int]) -> list[str]:
    """``lines`` with `` pass`` after the colon ending the block header on line ``header`` (its body is missing)."""
    span = _statement_span(lines, header)
    last = span[1]
    code, comment = _code_and_comment(lines[last - 1])
    if not code.rstrip().endswith(":"):
        return _neutralised(lines, span, left_out)
    new = list(lines)
    new[last - 1] = code.rstrip() + " pass" + (f"  {comment}" if comment else "") + _ending(lines[last - 1])
    return new


def _python2_statements(lines: list[str], logical: Logical) -> list[tuple[int, int]]:
    """The spans of the statements that begin with a Python 2 statement (print, exec, raise X, message;
    except X, e)."""
    spans = []
    for number, line in enumerate(lines, start=1):
        if any(pattern.search(line.split("#", 1)[0]) for pattern, _ in PYTHON2_STATEMENT_SIGNS):
            span = _statement_span(lines, number, logical)
            if span[0] == number:  # not a line inside a string or a bracket
                spans.append(span)
    return spans


def _statement_span(lines: list[str], number: int, logical: Logical | None = None) -> tuple[int, int]:
    """The first and last line of the statement that holds line ``number``: its logical line as far as the
    tokenizer reads (``logical``: ``_logical_lines`` of the text, when known), else the lines up to the next one
    indented no deeper than its first."""
    found, open_at = logical or _logical_lines("".join(lines))
    for first, last in found:
        if first <= number <= last:
            return first, last
    first = open_at if open_at is not None and open_at <= number else number
    width, last = _width(lines[first - 1]), number
    for index in range(number, len(lines)):
        line = lines[index]
        if line.strip() and not line.lstrip().startswith("#"):
            if _width(line) <= width:
                break
            last = index + 1
    return first, last


def _logical_lines(text: str) -> Logical:
    """The (first, last) lines of each logical line the tokenizer read, and the first line of the one it was in
    when it stopped (None: it read to the end)."""
    found: list[tuple[int, int]] = []
    first = None
    try:
        for token in tokenize.generate_tokens(io.StringIO(text).readline):
            if token.type in _SKIPPED_TOKENS:
                continue
            if token.type == tokenize.NEWLINE:
                if first is not None:
                    found.append((first, token.start[0]))
                first = None
            elif first is None:
                first = token.start[0]
    except (tokenize.TokenError, SyntaxError):
        return found, first
    return found, None


def _block_indentation(lines: list[str], first: int, following: int | None, logical: Logical | None) -> str:
    """The indentation of a statement starting on line ``first``, or of its block when a stray indent put it
    deeper (``pass`` goes where the block's statements are)."""
    own = _indentation(lines[first - 1])
    previous = _previous_statement(lines, first, logical)
    if previous is None:
        return own
    outer = _indentation(lines[previous[0] - 1])
    if not _code_and_comment(lines[previous[1] - 1])[0].rstrip().endswith(":"):
        return outer if _width(own) > _width(outer) else own
    after = _indentation(lines[following - 1]) if following is not None else own
    return after if _width(outer) < _width(after) < _width(own) else own


def _previous_statement(lines: list[str], first: int, logical: Logical | None) -> tuple[int, int] | None:
    """The span of the statement before line ``first`` (a logical line, or a code line when the tokenizer stops
    earlier), None at the top of the file."""
    found = [span for span in (logical or _logical_lines("".join(lines[: first - 1])))[0] if span[1] < first]
    if found:
        return found[-1]
    for number in range(first - 1, 0, -1):
        stripped = lines[number - 1].strip()
        if stripped and not stripped.startswith("#"):
            return number, number
    return None


def _next_code_line(lines: list[str], after: int) -> int | None:
    for index in range(after, len(lines)):
        stripped = lines[index].strip()
        if stripped and not stripped.startswith("#"):
            return index + 1
    return None


def _code_and_comment(line: str) -> tuple[str, str]:
    """A line's code and its ``#`` comment (read by the tokenizer: a ``#`` in a string is not one)."""
    try:
        for token in tokenize.generate_tokens(io.StringIO(line).readline):
            if token.type == tokenize.COMMENT:
                return line[: token.start[1]], token.string
    except (tokenize.TokenError, SyntaxError):
        pass
    return line.rstrip("\r\n"), ""


def _indentation(line: str) -> str:
    return line[: len(line) - len(line.lstrip(" \t\f"))]


def _width(line: str) -> int:
    """The width of a line's indentation, tabs to the next multiple of 8 (as Python 2 read them)."""
    return len(_indentation(line).expandtabs(8))


def _tabs_expanded(line: str) -> str:
    indentation = _indentation(line)
    return indentation.expandtabs(8) + line[len(indentation) :]


def _ending(line: str) -> str:
    return line[len(line.rstrip("\r\n")) :]


def _line_ranges(numbers: tuple[int, ...]) -> str:
    """'line 4', 'lines 4-6, 9'."""
    ranges: list[list[int]] = []
    for number in numbers:
        if ranges and number == ranges[-1][1] + 1:
            ranges[-1][1] = number
        else:
            ranges.append([number, number])
    shown = ", ".join(str(a) if a == b else f"{a}-{b}" for a, b in ranges)
    return f"line {shown}" if len(numbers) == 1 else f"lines {shown}" if numbers else ""
