"""``--shard I/N``: the files of one of N CI jobs, a deterministic partition that keeps a package's modules together.

Every job of a matrix lists the same files, so each computes the same partition and checks its part. A package
(a folder with ``__init__.py``, with its subpackages; a folder of scripts) goes to one shard, so one process
builds the modules its files share (a star-importing ``__init__.py`` builds them all). A package larger than a
shard's share (its bytes / N) is split into its own modules and its subpackages, level by level, and a folder's
own modules larger than that into runs of neighbouring files. Parts go to shards largest first, each to the shard
with the fewest bytes so far (ties: the lower index).
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Sequence

_SHARD = re.compile(r"([1-9]\d*)/([1-9]\d*)")


class ShardError(ValueError):
    """A ``--shard`` value that is not ``I/N`` with 1 <= I <= N."""


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` -> ``(2, 4)`` (the second of four shards)."""
    match = _SHARD.fullmatch(text.strip())
    if not match or int(match.group(1)) > int(match.group(2)):
        raise ShardError(f"--shard {text}: expected I/N with 1 <= I <= N, e.g. 1/4")
    return int(match.group(1)), int(match.group(2))


def _package_chain(path: str, is_package: dict[str, bool]) -> tuple[str, ...]:
    """The folders from the outermost package holding ``path`` down to its own folder (its folder alone when it
    is not in a package); ``is_package`` remembers which folders hold an ``__init__.py``."""

    def package(folder: str) -> bool:
        if folder not in is_package:
            is_package[folder] = os.path.isfile(os.path.join(folder, "__init__.py"))
        return is_package[folder]

    folder = os.path.dirname(os.path.abspath(path))
    chain = [folder]
    while package(folder) and os.path.dirname(folder) != folder and package(os.path.dirname(folder)):
        folder = os.path.dirname(folder)
        chain.append(folder)
    return tuple(reversed(chain))


def _runs(files: list[str], sizes: dict[str, int], share: float) -> list[list[str]]:
    """One folder's modules cut into runs of neighbouring files of at most ``share`` bytes (at least one file)."""
    runs: list[list[str]] = [[]]
    filled = 0
    for path in sorted(files):
        if runs[-1] and filled + sizes[path] > share:
            runs.append([])
            filled = 0
        runs[-1].append(path)
        filled += sizes[path]
    return runs


def _parts(files: Sequence[str], sizes: dict[str, int], share: float) -> list[list[str]]:
    """The files grouped by package; a package over ``share`` bytes is split a level down, into its own modules
    and its subpackages, and a folder's own modules over ``share`` into runs of neighbouring files."""
    is_package: dict[str, bool] = {}
    chains = {path: _package_chain(path, is_package) for path in files}
    pending: list[tuple[list[str], int]] = [(list(files), 0)]
    parts: list[list[str]] = []
    while pending:
        group, level = pending.pop()
        by_folder: defaultdict[str, list[str]] = defaultdict(list)
        for path in group:
            by_folder[chains[path][level]].append(path)
        for members in by_folder.values():
            if sum(sizes[path] for path in members) <= share:
                parts.append(members)
                continue
            own = [path for path in members if len(chains[path]) == level + 1]
            parts.extend(_runs(own, sizes, share) if own else [])
            deeper = [path for path in members if len(chains[path]) > level + 1]
            if deeper:
                pending.append((deeper, level + 1))
    return parts


def shard_files(files: Sequence[str], index: int, count: int) -> list[str]:
    """The files of shard ``index`` (1-based) of ``count``, in the order given."""
    if count == 1:
        return list(files)
    sizes = {path: max(os.path.getsize(path) if os.path.isfile(path) else 0, 1) for path in files}
    parts = _parts(files, sizes, sum(sizes.values()) / count)
    loads = [0] * count
    chosen: set[str] = set()
    for part in sorted(parts, key=lambda members: (-sum(sizes[path] for path in members), min(members))):
        shard = loads.index(min(loads))
        loads[shard] += sum(sizes[path] for path in part)
        if shard == index - 1:
            chosen.update(part)
    return [path for path in files if path in chosen]
