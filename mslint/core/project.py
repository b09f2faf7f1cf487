"""Where a project and its repository start: one rule for the cache, the configuration, origin detection and
report paths."""

from __future__ import annotations

from pathlib import Path

PROJECT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", ".git", ".hg")
REPOSITORY_MARKERS = (".git", ".hg")


def _nearest(start: Path, markers: tuple[str, ...]) -> Path | None:
    start = start.resolve()
    return next((folder for folder in (start, *start.parents) if any((folder / marker).exists() for marker in markers)), None)


def project_root(start: Path | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (default: the working folder) holding a project marker
    (``pyproject.toml``, ``setup.cfg``, ``setup.py``, ``.git``, ``.hg``); None when there is none."""
    return _nearest(start or Path.cwd(), PROJECT_MARKERS)


def repository_root(start: Path | None = None) -> Path:
    """The version-control root at or above ``start`` (default: the working folder), else ``start``: report paths
    (SARIF, CI annotations) are relative to it, as code scanning expects."""
    start = (start or Path.cwd()).resolve()
    return _nearest(start, REPOSITORY_MARKERS) or start


def find_pyproject(start: Path) -> Path | None:
    """The nearest ``pyproject.toml`` at or above ``start``."""
    start = start.resolve()
    return next((folder / "pyproject.toml" for folder in (start, *start.parents) if (folder / "pyproject.toml").is_file()), None)
