"""Which files below the given paths a run lints: ``exclude`` / ``extend-exclude`` patterns, the files git ignores
(``respect-gitignore``) and, with ``force-exclude``, the paths named on the command line too (as Ruff)."""

from __future__ import annotations

import os
import subprocess
from functools import cached_property
from pathlib import Path

from mslint.core.globs import any_matches
from mslint.core.settings import Settings

GIT_TIMEOUT = 60  # seconds for one `git ls-files`; a repository git cannot list is read without its ignore files


class GitIgnore:
    """The files git does not ignore, per work tree (one ``git ls-files`` each): tracked files and untracked files
    that no ignore file names. Outside a work tree, or without git, nothing is ignored."""

    def __init__(self) -> None:
        self._tops: dict[Path, Path | None] = {}
        self._kept: dict[Path, tuple[frozenset[Path], frozenset[Path]] | None] = {}

    def ignores(self, path: Path, is_folder: bool) -> bool:
        """Whether git ignores an absolute path (a folder: when it holds no file git keeps); the work tree holding
        the path decides (a nested repository's folder is judged by the repository around it)."""
        top = self._top(path.parent)
        if top is None:
            return False
        listing = self._listing(top)
        if listing is None:
            return False
        files, folders = listing
        return path not in (folders if is_folder else files)

    def _top(self, folder: Path) -> Path | None:
        """The work tree holding ``folder`` (the nearest folder with ``.git``), cached per folder."""
        if folder not in self._tops:
            if (folder / ".git").exists():
                self._tops[folder] = folder
            else:
                self._tops[folder] = None if folder.parent == folder else self._top(folder.parent)
        return self._tops[folder]

    def _listing(self, top: Path) -> tuple[frozenset[Path], frozenset[Path]] | None:
        """(files, folders holding them) git keeps in a work tree; a nested repository or submodule is a folder
        whose own work tree decides for the files below it."""
        if top not in self._kept:
            environment = {key: value for key, value in os.environ.items() if key not in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE")}
            try:
                listed = subprocess.run(
                    ["git", "-C", str(top), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                    capture_output=True, env=environment, timeout=GIT_TIMEOUT, check=True,
                ).stdout
            except (OSError, subprocess.SubprocessError):
                self._kept[top] = None
                return None
            files, folders = set(), set()
            for name in os.fsdecode(listed).split("\0"):
                if not name:
                    continue
                path = top / name.rstrip("/")
                files.add(path)
                folders.update(parent for parent in path.parents if parent != top and top in parent.parents)
                if name.endswith("/") or path.is_dir():
                    folders.add(path)
            self._kept[top] = (frozenset(files), frozenset(folders))
        return self._kept[top]


class FileSelection:
    """The exclusion settings of a run, applied to folders and files found below the paths given, and (with
    ``force-exclude``) to the paths themselves."""

    def __init__(self, settings: Settings | None = None) -> None:
        settings = settings or Settings()
        self.settings = settings
        self.patterns = settings.patterns(settings.exclude + settings.extend_exclude)
        self.git = GitIgnore() if settings.respect_gitignore else None

    @cached_property
    def root(self) -> Path:
        return Path(self.settings.root or Path.cwd()).resolve()

    def excluded(self, path: Path, is_folder: bool) -> bool:
        """Whether a folder or file found below a path given is left out (``path`` absolute)."""
        return any_matches(self.patterns, path) or (self.git is not None and self.git.ignores(path, is_folder))

    def takes_folder(self, folder: Path) -> bool:
        return not self.excluded(Path(os.path.abspath(folder)), is_folder=True)

    def takes_file(self, file: Path) -> bool:
        return not self.excluded(Path(os.path.abspath(file)), is_folder=False)

    def takes_named(self, path: Path) -> bool:
        """A path named on the command line is linted, unless ``force-exclude`` and it is left out."""
        return not self.settings.force_exclude or not self.leaves_out(path)

    def leaves_out(self, path: Path) -> bool:
        """Whether a path, or a folder above it below the project root, is left out."""
        path = Path(os.path.abspath(path))
        if self.excluded(path, is_folder=path.is_dir()):
            return True
        return any(self.excluded(folder, is_folder=True) for folder in path.parents if self.root in folder.parents)
