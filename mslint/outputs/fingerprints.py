"""``primaryLocationLineHash``: the line fingerprints GitHub code scanning computes.

A port of ``hash()`` in github/codeql-action ``src/fingerprints.ts`` (MIT): a rolling hash (base 37,
modulo 2**64) over the file's UTF-16 code units, spaces and tabs skipped and CR/CRLF read as LF, taken
over the 100 characters that start at each line's first non-blank character. A line's value is
``"<hex>:<n>"``, ``n`` counting identical hashes earlier in the file.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

BLOCK_SIZE = 100
_BASE = 37
_MASK = (1 << 64) - 1
_FIRST_MOD = pow(_BASE, BLOCK_SIZE, 1 << 64)
_TAB, _SPACE, _LF, _CR = 9, 32, 10, 13
_EOF = 0xFFFF


def _code_units(text: str) -> Iterator[int]:
    """The UTF-16 code units of ``text`` (what JavaScript's ``charCodeAt`` walks)."""
    data = text.encode("utf-16-le", errors="surrogatepass")
    for index in range(0, len(data), 2):
        yield data[index] | data[index + 1] << 8


class _LineHasher:
    """The state of ``hash()``: a window of the last 100 characters and the lines starting in it."""

    def __init__(self) -> None:
        self.window = [0] * BLOCK_SIZE
        self.line_numbers = [-1] * BLOCK_SIZE
        self.hash = 0
        self.index = 0
        self.line = 0
        self.line_start = True
        self.prev_cr = False
        self.counts: Counter[str] = Counter()
        self.hashes: list[str] = []

    def output(self) -> None:
        value = format(self.hash, "x")
        self.counts[value] += 1
        self.hashes.append(f"{value}:{self.counts[value]}")
        self.line_numbers[self.index] = -1

    def update(self, current: int) -> None:
        begin, self.window[self.index] = self.window[self.index], current
        self.hash = (_BASE * self.hash + current - _FIRST_MOD * begin) & _MASK
        self.index = (self.index + 1) % BLOCK_SIZE

    def process(self, current: int) -> None:
        if current in (_SPACE, _TAB) or (self.prev_cr and current == _LF):
            self.prev_cr = False
            return
        self.prev_cr = current == _CR
        if current == _CR:
            current = _LF
        if self.line_numbers[self.index] != -1:
            self.output()
        if self.line_start:
            self.line_start = False
            self.line += 1
            self.line_numbers[self.index] = self.line
        if current == _LF:
            self.line_start = True
        self.update(current)

    def flush(self) -> None:
        self.process(_EOF)
        for _ in range(BLOCK_SIZE):
            if self.line_numbers[self.index] != -1:
                self.output()
            self.update(0)


def line_hashes(text: str) -> list[str]:
    """The fingerprint of every line of ``text`` (index 0 is line 1), as the upload action computes it.

    ``text`` must be the file decoded as the action reads it (``read_for_hashing``).
    """
    hasher = _LineHasher()
    for unit in _code_units(text):
        hasher.process(unit)
    hasher.flush()
    return hasher.hashes


def read_for_hashing(raw: bytes) -> str:
    """A file's bytes decoded as the upload action reads them (Node's ``utf8`` stream)."""
    return raw.decode("utf-8", errors="replace")
