"""Source positions: astroid's UTF-8 byte columns, character offsets and UTF-16 columns."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property

# Python's tokenizer ends lines at \r\n, \r and \n only (not at \f, \x1c or \u2028).
_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass(frozen=True)
class SourceText:
    """A decoded source file with conversions between its coordinate systems."""

    text: str

    @cached_property
    def line_starts(self) -> tuple[int, ...]:
        """Character offset at which each 1-based line starts (index 0 is line 1)."""
        return (0, *(match.end() for match in _LINE_END.finditer(self.text)))

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line ending."""
        starts = self.line_starts
        start = starts[line - 1]
        end = starts[line] if line < len(starts) else len(self.text)
        return _LINE_END.sub("", self.text[start:end])

    def char_column(self, line: int, byte_column: int) -> int:
        """Convert a UTF-8 byte column (as astroid and pylint report it) to a character column."""
        encoded = self.line_text(line).encode("utf-8")
        return len(encoded[:byte_column].decode("utf-8", errors="ignore"))

    def offset(self, line: int, byte_column: int) -> int:
        """Character offset into the text of a (1-based line, UTF-8 byte column) position."""
        return self.line_starts[line - 1] + self.char_column(line, byte_column)

    def line_col(self, offset: int) -> tuple[int, int]:
        """(1-based line, 0-based character column) of a character offset."""
        starts = self.line_starts
        low, high = 0, len(starts) - 1
        while low < high:
            middle = (low + high + 1) // 2
            if starts[middle] <= offset:
                low = middle
            else:
                high = middle - 1
        return low + 1, offset - starts[low]

    def utf16_column(self, line: int, char_column: int) -> int:
        """Convert a character column to UTF-16 code units (SARIF, LSP)."""
        prefix = self.line_text(line)[:char_column]
        return len(prefix.encode("utf-16-le")) // 2

    @cached_property
    def newline(self) -> str:
        """The file's dominant line ending."""
        counts = {"\r\n": 0, "\r": 0, "\n": 0}
        for match in _LINE_END.finditer(self.text):
            counts[match.group()] += 1
        return max(counts, key=lambda ending: (counts[ending], ending == "\n"))


def decode_source(raw: bytes) -> tuple[str, str]:
    """Decode a Python file as the interpreter would (BOM, PEP 263 cookie); return (text, encoding).

    Raises SyntaxError (or LookupError for an unknown cookie) when the bytes cannot be decoded.
    """
    import io
    import tokenize

    encoding, _ = tokenize.detect_encoding(io.BytesIO(raw).readline)
    return raw.decode(encoding), encoding
