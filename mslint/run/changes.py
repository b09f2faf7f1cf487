"""``--changed-since REF``: the files git says changed since a commit, and the files whose findings depend on them."""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path


class ChangesError(ValueError):
    """git could not say what changed (not a repository, an unknown revision, no git)."""


def _git(folder: Path, *arguments: str) -> str:
    import subprocess  # only with --changed-since: not on the path of a run answered from the cache

    try:
        result = subprocess.run(["git", "-C", str(folder), *arguments], capture_output=True, text=True, check=False)
    except OSError as error:
        raise ChangesError(f"--changed-since needs git: {error.strerror}") from error
    if result.returncode:
        reason = (result.stderr.strip().splitlines() or [f"git exited with {result.returncode}"])[-1]
        raise ChangesError(f"--changed-since: {reason}")
    return result.stdout


def changed_files(ref: str, folder: Path | None = None) -> set[str]:
    """The real paths of the files changed between ``ref`` and the working tree of the repository holding
    ``folder`` (default: the working folder): committed, staged or not, deleted, and new files git does not
    ignore."""
    folder = folder or Path.cwd()
    top = Path(_git(folder, "rev-parse", "--show-toplevel").strip())
    try:
        _git(top, "rev-parse", "--verify", "--end-of-options", f"{ref}^{{commit}}")
    except ChangesError as error:
        raise ChangesError(f"--changed-since {ref}: not a commit of the repository at {top}") from error
    names = _git(top, "diff", "--name-only", "--no-renames", "-z", ref, "--").split("\0")
    names += _git(top, "ls-files", "--others", "--exclude-standard", "-z").split("\0")
    return {os.path.realpath(top / name) for name in names if name}


def affected(files: Iterable[str], changed: set[str], dependencies: Mapping[str, Iterable[str]]) -> set[str]:
    """The real paths of ``files`` that changed or depend on a changed file (``dependencies``: real path -> the
    real paths of the project files its findings depend on, as the cache records them)."""
    found = set()
    for path in files:
        real = os.path.realpath(path)
        if real in changed or not changed.isdisjoint(dependencies.get(real, ())):
            found.add(real)
    return found
