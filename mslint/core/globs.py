"""File patterns as Ruff reads them (``exclude``, ``per-file-ignores``): a pattern without ``/`` matches a file or
folder name anywhere (``venv``, ``*_pb2.py``); one with ``/`` is relative to the project root (``tests/*``,
``src/legacy/**``). ``*`` and ``**`` match any characters, ``/`` included; ``?``, ``[a-z]``, ``[!a-z]`` and
``{a,b}`` as in Ruff's globs."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from functools import cache
from pathlib import PurePath


class PatternError(ValueError):
    """A glob that cannot be read (an unclosed ``[`` or ``{``)."""


def _translate(pattern: str) -> str:
    parts, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        index += 1
        if char == "*":
            while index < len(pattern) and pattern[index] == "*":
                index += 1
            parts.append(".*")
        elif char == "?":
            parts.append(".")
        elif char == "\\" and index < len(pattern):
            parts.append(re.escape(pattern[index]))
            index += 1
        elif char == "[":
            end = pattern.find("]", index + 1 if pattern[index : index + 1] in ("!", "]") else index)
            if end < 0:
                raise PatternError(f"{pattern!r}: '[' is not closed")
            body = pattern[index:end]
            negated = body.startswith("!")
            body = body[1:] if negated else body
            parts.append("[" + ("^" if negated else "") + body.replace("\\", "\\\\") + "]")
            index = end + 1
        elif char == "{":
            end = pattern.find("}", index)
            if end < 0:
                raise PatternError(f"{pattern!r}: '{{' is not closed")
            parts.append("(?:" + "|".join(_translate(choice) for choice in pattern[index:end].split(",")) + ")")
            index = end + 1
        else:
            parts.append(re.escape(char))
    return "".join(parts)


@cache
def glob_regex(pattern: str) -> re.Pattern[str]:
    """The compiled glob (raises PatternError)."""
    return re.compile(f"(?s:{_translate(pattern)})\\Z")


def check_pattern(pattern: str) -> str:
    """A pattern that compiles, stripped (raises PatternError)."""
    pattern = pattern.strip()
    if not pattern or pattern == "!":
        raise PatternError("an empty pattern")
    glob_regex(pattern.removeprefix("!"))
    return pattern


@dataclass(frozen=True)
class PathPattern:
    """One pattern, anchored at ``root`` when it has a ``/``; ``!`` before a per-file-ignores pattern negates it."""

    pattern: str
    root: str

    @property
    def negated(self) -> bool:
        return self.pattern.startswith("!")

    @property
    def _glob(self) -> str:
        return self.pattern.removeprefix("!")

    def matches(self, path: str | PurePath) -> bool:
        """Whether an absolute path (or its name, for a pattern without ``/``) matches; a negated pattern matches
        the paths the pattern does not."""
        path = os.fspath(path)
        glob = self._glob
        if "/" in glob.rstrip("/"):
            anchored = glob if os.path.isabs(glob) else f"{self.root.rstrip('/')}/{glob.removeprefix('./')}"
            found = bool(glob_regex(anchored.rstrip("/")).match(path))
        else:
            found = bool(glob_regex(glob.rstrip("/")).match(os.path.basename(path)))
        return found != self.negated


def any_matches(patterns: tuple[PathPattern, ...], path: str | PurePath) -> bool:
    return any(pattern.matches(path) for pattern in patterns)
