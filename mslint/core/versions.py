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


# MindSpore's releases (major, minor): 0.1-0.7, 1.0-1.10, 2.0-2.10 (https://www.mindspore.cn/versions).
KNOWN_RELEASES = frozenset({(0, minor) for minor in range(1, 8)} | {(1, minor) for minor in range(11)} | {(2, minor) for minor in range(11)})
KNOWN_RELEASES_TEXT = "known: 0.1-0.7, 1.0-1.10, 2.0-2.10"


def is_known_release(text: str) -> bool:
    """``text`` names a MindSpore release line mslint knows ('2.10', '2.10.0', '1.8.1', '2.3.0rc1')."""
    return parse_version(text)[:2] in KNOWN_RELEASES
