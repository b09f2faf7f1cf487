"""Version strings: parse and compare MindSpore's; read an installed distribution's."""

from __future__ import annotations

import os
import re
import sys

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


def _normalized(distribution: str) -> str:
    return re.sub(r"[-_.]+", "_", distribution).lower()


def installed_version(*distributions: str) -> str | None:
    """The version of the first of ``distributions`` installed on ``sys.path`` (the first found there, as
    importlib.metadata picks it), read from the name of its ``.dist-info``/``.egg-info`` folder
    (``mindspore-2.10.0.dist-info``); None when none is. Neither imports the distribution nor importlib.metadata
    (25 ms: a run answered from the cache takes less than that in all)."""
    ranks = {_normalized(name): rank for rank, name in enumerate(distributions)}
    found: dict[int, str] = {}
    for folder in sys.path:
        try:
            entries = os.listdir(folder or ".")
        except OSError:
            continue
        for entry in entries:
            stem, dot, suffix = entry.rpartition(".")
            if dot and suffix in ("dist-info", "egg-info"):
                name, _, version = stem.partition("-")
                rank = ranks.get(_normalized(name))
                if rank is not None and version:
                    found.setdefault(rank, version.split("-")[0])
    return found[min(found)] if found else None
# MindSpore's releases (major, minor): 0.1-0.7, 1.0-1.10, 2.0-2.10 (https://www.mindspore.cn/versions).
KNOWN_RELEASES = frozenset({(0, minor) for minor in range(1, 8)} | {(1, minor) for minor in range(11)} | {(2, minor) for minor in range(11)})
KNOWN_RELEASES_TEXT = "known: 0.1-0.7, 1.0-1.10, 2.0-2.10"


def is_known_release(text: str) -> bool:
    """``text`` names a MindSpore release line mslint knows ('2.10', '2.10.0', '1.8.1', '2.3.0rc1')."""
    return parse_version(text)[:2] in KNOWN_RELEASES
