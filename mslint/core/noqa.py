"""``# noqa`` comments, as Ruff and flake8 read them: bare ``# noqa`` suppresses every mslint finding of its
line, ``# noqa: E7203, ms-tensor-size-call`` the named rules (ids or symbols, in any case) and ``# noqa: E72`` the
rules an id prefix of a family or less names (as flake8). ``# pylint: disable=`` is pylint's own and works as well.

A finding's ``# noqa`` goes at the end of the line where it starts; when that line ends inside a multi-line string
or is continued with a backslash, a comment there is impossible, so it goes where the string or the continued lines
end (as Ruff's)."""

from __future__ import annotations

import io
import re
import tokenize
from dataclasses import dataclass

from mslint.core.codes import Code, find_code

NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[\w-]+(?:[,\s]+[\w-]+)*))?", re.IGNORECASE)
# What an mslint code looks like (to tell an unknown mslint code from another tool's, such as F401).
_MSLINT_LIKE = re.compile(r"ms-[a-z0-9-]+|[CRWEFI]7[2-9]\d\d", re.IGNORECASE)
# An id prefix naming mslint rules: a category and family (E72) or less (E7). A longer one (E721) is another
# tool's code as often as not (pycodestyle's E721, E731, E741), so it names no mslint rule.
_ID_PREFIX = re.compile(r"[CRWEFI]7\d?", re.IGNORECASE)
_NO_COMMENT_TOKENS = (tokenize.NEWLINE, tokenize.NL, tokenize.COMMENT, tokenize.INDENT, tokenize.DEDENT, tokenize.ENCODING)

SOURCE_LINE = re.compile(r".*?(?:\r\n|\r|\n)|.+", re.DOTALL)  # the tokenizer's lines (not str.splitlines')


def code_named(code: str) -> Code | None:
    """The code table row a ``# noqa`` code names, in any case."""
    return find_code(code) or find_code(code.upper()) or find_code(code.lower())


def names_rule(code: str, msg_id: str, symbol: str) -> bool:
    """Whether a ``# noqa`` code names a rule: its id or symbol (current or former, any case), an id prefix of
    its family or less (``E72``, ``e7``), or a symbol prefix ending in ``-`` (``ms-graph-``)."""
    found = code_named(code)
    if found is not None:
        return found.symbol == symbol
    if _ID_PREFIX.fullmatch(code):
        return msg_id.startswith(code.upper())
    lower = code.lower()
    return lower.startswith("ms-") and lower.endswith("-") and symbol.startswith(lower)


@dataclass(frozen=True)
class Noqa:
    """One ``# noqa`` comment: ``codes`` empty for a bare one."""

    line: int
    codes: tuple[str, ...]

    def suppresses(self, msg_id: str, symbol: str) -> bool:
        return not self.codes or any(names_rule(code, msg_id, symbol) for code in self.codes)

    def mslint_codes(self) -> tuple[str, ...]:
        """The codes that name (or look like) single mslint rules."""
        return tuple(code for code in self.codes if _MSLINT_LIKE.fullmatch(code) or code_named(code))


def noqa_of(line_text: str, line: int) -> Noqa | None:
    """The ``# noqa`` comment of a source line, if any."""
    match = NOQA.search(line_text)
    if match is None:
        return None
    codes = re.split(r"[,\s]+", match.group("codes")) if match.group("codes") else []
    return Noqa(line, tuple(code for code in codes if code))


def comment_lines(text: str) -> dict[int, int]:
    """Line -> the line whose end takes its ``# noqa``, for the lines that cannot take a comment: those ending
    inside a multi-line string (f-strings included) or continued with a backslash. Empty when the text does not
    tokenize."""
    text = re.sub(r"\r(?!\n)", "\n", text)  # a bare CR ends a line (the tokenizer rejects it since 3.12)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(text).readline))
    except (tokenize.TokenError, SyntaxError):
        return {}
    open_lines: set[int] = set()
    fstring_starts: list[int] = []
    for token, following in zip(tokens, tokens[1:]):
        kind = tokenize.tok_name[token.type]
        if kind == "FSTRING_START":  # Python 3.12+: an f-string is a run of tokens
            fstring_starts.append(token.start[0])
        elif kind == "FSTRING_END" and fstring_starts:
            open_lines.update(range(fstring_starts.pop(), token.end[0]))
        elif token.type == tokenize.STRING:
            open_lines.update(range(token.start[0], token.end[0]))
        if token.type not in _NO_COMMENT_TOKENS and following.start[0] > token.end[0]:
            open_lines.update(range(token.end[0], following.start[0]))  # a backslash continuation
    mapping = {}
    for line in sorted(open_lines, reverse=True):
        mapping[line] = mapping.get(line + 1, line + 1)
    return mapping


_CODE_LIKE = re.compile(r"[A-Za-z]+[0-9]+|ms-[a-z0-9-]+", re.IGNORECASE)


def _comments(text: str) -> dict[int, tuple[int, str]] | None:
    """Line -> (character column, text) of its comment; None when the text does not tokenize."""
    text = re.sub(r"\r(?!\n)", "\n", text)
    try:
        return {
            token.start[0]: (token.start[1], token.string)
            for token in tokenize.generate_tokens(io.StringIO(text).readline)
            if token.type == tokenize.COMMENT
        }
    except (tokenize.TokenError, SyntaxError):
        return None


def _directive(comment: str, codes: list[str]) -> str | None:
    """The comment with ``codes`` added to its ``# noqa`` directive (None: a bare ``# noqa``, which suppresses
    everything already); the explanation after the codes is kept."""
    match = NOQA.search(comment)
    if match is None:
        return f"{comment.rstrip()}  # noqa: {', '.join(codes)}"
    if not match.group("codes"):
        return None
    existing, end = [], match.start("codes")
    for word in re.finditer(r"[^,\s]+", comment[match.start("codes") : match.end()]):
        if not _CODE_LIKE.fullmatch(word.group()):
            break
        existing.append(word.group())
        end = match.start("codes") + word.end()
    added = [code for code in codes if code not in existing]
    if not existing:  # `# noqa:` followed by no code: add the codes to it
        return f"{comment[: match.start()]}# noqa: {', '.join(codes)}{comment[match.end() :]}"
    return f"{comment[: match.start()]}# noqa: {', '.join(existing + added)}{comment[end:]}"


def with_noqa(text: str, codes_by_line: dict[int, set[str]]) -> tuple[str, int] | None:
    """The text with each line's codes added to the ``# noqa`` comment where that line's goes (``comment_lines``),
    merged with a comment already there, and how many comments were written or extended. None when nothing is to
    be written or the result would not be the same program (a comment must change no code)."""
    import ast

    comments = _comments(text)
    if comments is None:
        return None
    moved = comment_lines(text)
    wanted: dict[int, set[str]] = {}
    for line, codes in codes_by_line.items():
        target = moved.get(line, line)
        wanted.setdefault(target, set()).update(codes)
    lines = SOURCE_LINE.findall(text)
    changed = 0
    for line, codes in wanted.items():
        if not 1 <= line <= len(lines) or (line == 1 and lines[0].startswith("#!")):
            continue  # no such line, or a shebang (its comment would become the interpreter's argument)
        body = lines[line - 1].rstrip("\r\n")
        ending = lines[line - 1][len(body) :]
        column, comment = comments.get(line, (len(body), ""))
        directive = _directive(comment, sorted(codes)) if comment else f"# noqa: {', '.join(sorted(codes))}"
        if directive is None or directive == comment:
            continue
        before = body[:column]
        lines[line - 1] = f"{before.rstrip()}  {directive}{ending}" if before.strip() else f"{before}{directive}{ending}"
        changed += 1
    new_text = "".join(lines)
    if not changed:
        return None
    try:
        if ast.dump(ast.parse(text)) != ast.dump(ast.parse(new_text)):
            return None
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return new_text, changed
