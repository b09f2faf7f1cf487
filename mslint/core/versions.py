"""MindSpore version strings: parse and compare them."""

from __future__ import annotations

import re

MSLINT_VERSION = "0.1.0"  # pyproject.toml's version (tests/test_catalog.py keeps them equal)


def parse_version(text: str) -> tuple[int, ...]:
    """'2.10.0rc1' -> (2, 10, 0); enough to order MindSpore releases."""
    parts: list[int] = []
    for piece in text.split("."):
        match = re.match(r"\d+", piece)
        if not match:
            break
        parts.append(int(match.group()))
        if match.end() != len(piece):
            break
    return tuple(parts)


def version_at_least(version: str, other: str) -> bool:
    """``version >= other``, with missing components read as 0 ('2.10' >= '2.10.0')."""
    current, wanted = parse_version(version), parse_version(other)
    width = max(len(current), len(wanted))
    return current + (0,) * (width - len(current)) >= wanted + (0,) * (width - len(wanted))
