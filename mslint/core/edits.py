"""Fixes: text edits in character offsets with a safety level, and applying them."""

from __future__ import annotations

import ast
import enum
from collections.abc import Iterable
from dataclasses import dataclass


class Applicability(enum.Enum):
    """How safe a fix is to apply without review (Ruff's model)."""

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY_ONLY = "display-only"

    @property
    def label(self) -> str:
        """The one wording of this applicability in every output (rules, explain, text, SARIF, the server)."""
        return FIX_LABELS[self]

    def at_most(self, other: Applicability) -> Applicability:
        """The less safe of the two."""
        return max(self, other, key=_RANK.__getitem__)


FIX_LABELS = {Applicability.SAFE: "safe fix", Applicability.UNSAFE: "unsafe fix", Applicability.DISPLAY_ONLY: "suggestion only"}
_RANK = {Applicability.SAFE: 0, Applicability.UNSAFE: 1, Applicability.DISPLAY_ONLY: 2}


@dataclass(frozen=True, order=True)
class Edit:
    """Replace the characters in [start, end) of a file's text with ``content``."""

    start: int
    end: int
    content: str = ""


@dataclass(frozen=True)
class Fix:
    """A titled group of edits that must be applied together."""

    title: str
    edits: tuple[Edit, ...]
    applicability: Applicability = Applicability.SAFE

    def to_json(self) -> dict[str, object]:
        return {
            "title": self.title,
            "applicability": self.applicability.value,
            "edits": [{"start": e.start, "end": e.end, "content": e.content} for e in self.edits],
        }

    @classmethod
    def from_json(cls, data: dict) -> Fix:
        return cls(
            title=data["title"],
            edits=tuple(Edit(e["start"], e["end"], e["content"]) for e in data["edits"]),
            applicability=Applicability(data["applicability"]),
        )

    def is_applicable(self, unsafe: bool) -> bool:
        if self.applicability is Applicability.SAFE:
            return True
        return unsafe and self.applicability is Applicability.UNSAFE


def _overlaps(edit: Edit, taken: list[Edit]) -> bool:
    for other in taken:
        if edit == other:
            continue
        if edit.start < other.end and other.start < edit.end:
            return True
        # Two insertions (or an insertion at a replaced boundary) at one point: order is ambiguous.
        if edit.start == other.start and (edit.start == edit.end or other.start == other.end):
            return True
    return False


def apply_fixes(text: str, fixes: Iterable[Fix]) -> tuple[str, list[Fix]]:
    """Apply every fix whose edits do not overlap an earlier one; return the text and the fixes applied.

    Identical edits shared by two fixes (an import both need) are applied once.
    """
    taken: list[Edit] = []
    applied: list[Fix] = []
    for fix in sorted(fixes, key=lambda f: (min(f.edits).start, f.title)):
        if any(_overlaps(edit, taken) for edit in fix.edits):
            continue
        taken.extend(edit for edit in fix.edits if edit not in taken)
        applied.append(fix)
    for edit in sorted(set(taken), reverse=True):
        text = text[: edit.start] + edit.content + text[edit.end :]
    return text, applied


def fixed_text(text: str, fixes: Iterable[Fix]) -> str | None:
    """The text with the fixes applied, or None when nothing changes or the text must stay as it is
    (it does not parse, before or after)."""
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    new_text, applied = apply_fixes(text, fixes)
    if not applied or new_text == text:
        return None
    try:
        ast.parse(new_text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return None
    return new_text
