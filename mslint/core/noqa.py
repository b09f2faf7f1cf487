"""``# noqa`` comments, as Ruff and flake8 read them: bare ``# noqa`` suppresses every mslint finding of its
line, ``# noqa: E7203, ms-tensor-size-call`` the named rules (ids or symbols). ``# pylint: disable=`` is
pylint's own and works as well."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mslint.core.codes import find_code

NOQA = re.compile(r"#\s*noqa(?::[\s]?(?P<codes>[\w-]+(?:[,\s]+[\w-]+)*))?", re.IGNORECASE)
# What an mslint code looks like (to tell an unknown mslint code from another tool's, such as F401).
_MSLINT_LIKE = re.compile(r"ms-[a-z0-9-]+|[CRWEFI]7[2-9]\d\d")


@dataclass(frozen=True)
class Noqa:
    """One ``# noqa`` comment: ``codes`` empty for a bare one."""

    line: int
    codes: tuple[str, ...]

    def suppresses(self, msg_id: str, symbol: str) -> bool:
        if not self.codes:
            return True
        return any(code in (msg_id, symbol) or _same_rule(code, symbol) for code in self.codes)

    def mslint_codes(self) -> tuple[str, ...]:
        """The codes that name (or look like) mslint rules."""
        return tuple(code for code in self.codes if _MSLINT_LIKE.fullmatch(code) or find_code(code))


def _same_rule(code: str, symbol: str) -> bool:
    found = find_code(code)
    return found is not None and found.symbol == symbol


def noqa_of(line_text: str, line: int) -> Noqa | None:
    """The ``# noqa`` comment of a source line, if any."""
    match = NOQA.search(line_text)
    if match is None:
        return None
    codes = re.split(r"[,\s]+", match.group("codes")) if match.group("codes") else []
    return Noqa(line, tuple(code for code in codes if code))
