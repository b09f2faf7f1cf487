"""Where a project and its repository start: one rule for the cache, the configuration, origin detection and
report paths."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from pathlib import Path

PROJECT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", ".git", ".hg")
REPOSITORY_MARKERS = (".git", ".hg")
SKIPPED_FOLDERS = frozenset({"node_modules", "venv", "site-packages", "__pycache__", "build", "dist"})


def _nearest(start: Path, markers: tuple[str, ...]) -> Path | None:
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if any((folder / marker).exists() for marker in markers)), None)


def project_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (default: the working folder) holding a project marker
    (``pyproject.toml``, ``setup.cfg``, ``setup.py``, ``.git``, ``.hg``); None when there is none."""
    return _nearest(start or Path.cwd(), PROJECT_MARKERS)


def project_scope(path: Path) -> Path:
    """The folder whose files make up the project of ``path`` (a file or folder): its project root, else the working
    folder when ``path`` is inside it (as for the cache), else its own folder."""
    path = path.resolve()
    folder = path if path.is_dir() else path.parent
    root = project_root(folder)
    if root is not None:
        return root
    working = Path.cwd().resolve()
    return working if working in (folder, *folder.parents) else folder


def project_python_files(root: Path) -> Iterator[Path]:
    """The ``.py`` regular files of the project under ``root`` in a stable order: hidden and virtualenv folders and
    nested projects (a folder below ``root`` with its own marker) are skipped, and so is what is not a regular file (a
    FIFO or a device named like a module would block a read)."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and name not in SKIPPED_FOLDERS
                               and not any((Path(folder) / name / marker).exists() for marker in PROJECT_MARKERS))
        for name in sorted(files):
            path = Path(folder) / name
            if name.endswith(".py") and _regular(path):
                yield path


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.stat().st_mode)
    except OSError:
        return False


def repository_root(start: Path | None = None) -> Path:
    """The version-control root at or above ``start`` (default: the working folder), else ``start``: report paths
    (SARIF, CI annotations) are relative to it, as code scanning expects."""
    start = (start or Path.cwd()).resolve()
    return _nearest(start, REPOSITORY_MARKERS) or start


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start``."""
    start = start.resolve()
    return next((folder / "pyproject.toml" for folder in (start, *start.parents) if (folder / "pyproject.toml").is_file()), None)
