"""``mslint check --watch``: check again whenever a Python file below the paths, or the configuration, changes."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from mslint.core import settings as config
from mslint.run import LintSettings
from mslint.run.screening import python_files
from mslint.run.selection import FileSelection

POLL_SECONDS = 0.5
CONFIGURATION_FILES = ("pyproject.toml", ".gitignore")


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


def snapshot(paths: Sequence[str], settings: LintSettings) -> dict[Path, tuple[int, int] | None]:
    """The modification time and size of every file a check would read, and of the configuration files."""
    try:
        effective = settings.effective()
    except config.ConfigError:  # being edited: its own stamp below still changes
        effective = config.Settings()
    stamps = {path: _stamp(path) for path in python_files([path for path in paths if os.path.exists(path)], FileSelection(effective))}
    root = Path(effective.root or Path.cwd())
    stamps.update((root / name, _stamp(root / name)) for name in CONFIGURATION_FILES)
    return stamps


def watch(paths: Sequence[str], settings: LintSettings, check: Callable[[bool], None]) -> None:
    """Call ``check(False)``, then ``check(True)`` after each change, until interrupted. The files are stamped
    before each check, so a change made while a check runs (or its output is read) triggers the next one."""
    seen = snapshot(paths, settings)
    check(False)
    while True:
        time.sleep(POLL_SECONDS)
        current = snapshot(paths, settings)
        if current != seen:
            seen = current
            check(True)
