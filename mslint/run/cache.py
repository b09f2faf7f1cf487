"""The content cache of ``mslint check``/``fix``, as ruff has: ``.mslint_cache/`` in the project root.

A file's findings are reused when its content, every project file astroid read on its behalf (a base class in
another module, a star import), mslint's version and the lint settings are unchanged. Which project files a file
depends on comes from ``mslint.engine.dependencies``: the project files reachable from it through the imports astroid
resolved during the run (astroid caches inferences across the files of a run, so an import resolved while
another file was checked still counts). A corrupt or foreign cache is
ignored; every write replaces the cache file in one step, so concurrent runs never leave a broken one.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mslint.analysis.patches import replaced_in_file
from mslint.core.edits import Fix
from mslint.core.files import write_atomically
from mslint.core.versions import MSLINT_VERSION
from mslint.outputs.findings import Finding

CACHE_FOLDER = ".mslint_cache"
PATCHES_FILE = "patches.json"
FORMAT = 1
PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # the mslint package
FINGERPRINTED_SUFFIXES = (".py", ".json", ".toml")


def cache_folder() -> Path:
    """Where ``mslint check`` keeps its cache: ``.mslint_cache`` in the project root (else the working folder)."""
    from mslint.core.project import project_root

    return (project_root() or Path.cwd().resolve()) / CACHE_FOLDER


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_hash(path: str) -> str | None:
    """The hash of a file's bytes, or None when it cannot be read."""
    try:
        return content_hash(Path(path).read_bytes())
    except OSError:
        return None


@functools.cache
def mslint_fingerprint() -> str:
    """mslint's version plus, when installed from a wheel, its ``RECORD`` (the hash of every installed file: a
    CI job that installs the same wheel again gets the cache it restored); otherwise (a checkout) the size and
    time of each of its files: a development tree whose rules or data changed without a new version still gets
    a fresh cache. Only the package's own lines of the RECORD count: the console script's names the interpreter."""
    digest = hashlib.blake2b(MSLINT_VERSION.encode(), digest_size=16)
    record = PACKAGE_ROOT.parent / f"mslint-{MSLINT_VERSION}.dist-info" / "RECORD"
    try:
        installed = record.read_bytes()
    except OSError:
        installed = b""
    if b"mslint/__init__.py," in installed:
        digest.update(b"\n".join(line for line in installed.splitlines() if line.startswith(b"mslint/")))
        return digest.hexdigest()
    for folder, subfolders, files in os.walk(PACKAGE_ROOT):
        subfolders[:] = sorted(name for name in subfolders if name not in ("cards", "__pycache__"))
        for name in sorted(files):
            if name.endswith(FINGERPRINTED_SUFFIXES):
                stat = os.stat(os.path.join(folder, name))
                digest.update(f"{os.path.relpath(os.path.join(folder, name), PACKAGE_ROOT)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()


def _finding_json(finding: Finding) -> dict[str, Any]:
    data = dataclasses.asdict(finding)
    data["fix"] = finding.fix.to_json() if finding.fix is not None else None
    return data


def _finding_of(data: dict[str, Any]) -> Finding:
    fix = Fix.from_json(data["fix"]) if data["fix"] is not None else None
    return Finding(**{**data, "path": display_path(data["abspath"]), "fix": fix})


def display_path(abspath: str) -> str:
    """A file's path as pylint shows it: relative to the working folder when below it."""
    prefix = os.path.join(os.getcwd(), "")
    return abspath[len(prefix) :] if abspath.startswith(prefix) else abspath


class _EntryFile:
    """A JSON file of entries per file path in the cache folder, for one key: read once, written back whole
    (merged with entries other runs wrote meanwhile), atomically; a missing, corrupt or foreign file reads as
    empty, and one that cannot be written is skipped silently (linting never fails because of its cache)."""

    def __init__(self, folder: Path, name: str, key: str, hashes: dict[str, str | None] | None = None) -> None:
        self.folder, self.path, self.key = folder, folder / name, key
        self.entries = self._read()
        self.changed: dict[str, dict[str, Any]] = {}
        self._hashes = {} if hashes is None else hashes

    def _read(self) -> dict[str, dict[str, Any]]:
        try:
            data = json.loads(self.path.read_bytes())
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != self.key:
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

    def hash_of(self, path: str) -> str | None:
        if path not in self._hashes:
            self._hashes[path] = file_hash(path)
        return self._hashes[path]

    def save(self) -> None:
        if not self.changed:
            return
        try:
            self.folder.mkdir(exist_ok=True)
            ignore = self.folder / ".gitignore"
            if not ignore.exists():
                write_atomically(ignore, b"# Created by mslint: the cache is never committed.\n*\n")
            entries = {**self._read(), **self.changed}
            write_atomically(self.path, json.dumps({"format": FORMAT, "key": self.key, "entries": entries}).encode())
        except OSError:
            return


class PatchScans(_EntryFile):
    """What each file replaces in MindSpore (``mslint.analysis.patches``, the project part of ``patched-apis``),
    kept with the file's content hash in ``patches.json``: a run answered from the cache reads each file once,
    to hash it, and scans none. Its ``hashes`` go on to the run's ``LintCache``."""

    def __init__(self, root: Path) -> None:
        super().__init__(root / CACHE_FOLDER, PATCHES_FILE, mslint_fingerprint())
        self.hashes = self._hashes

    def replaced(self, path: str) -> list[str]:
        """The MindSpore names the file at ``path`` replaces (none when it cannot be read)."""
        abspath = os.path.abspath(path)
        try:
            data = Path(abspath).read_bytes()
        except OSError:
            self.hashes[abspath] = None
            return []
        content = self.hashes[abspath] = content_hash(data)
        entry = self.entries.get(abspath)
        if isinstance(entry, dict) and entry.get("content") == content and isinstance(entry.get("replaced"), list):
            return entry["replaced"]
        names = sorted(replaced_in_file(data))
        self.changed[abspath] = {"content": content, "replaced": names}
        return names


class LintCache(_EntryFile):
    """The cached findings of one combination of mslint version and settings."""

    def __init__(self, root: Path, key: Mapping[str, Any], hashes: dict[str, str | None] | None = None) -> None:
        digest = content_hash(json.dumps({"format": FORMAT, "mslint": mslint_fingerprint(), **key}, sort_keys=True, default=str).encode())
        super().__init__(root / CACHE_FOLDER, f"{digest}.json", digest, hashes)

    def lookup(self, abspath: str) -> list[Finding] | None:
        """The cached findings of a file, or None when its content or a dependency changed (or no entry)."""
        content, entry = self.hash_of(abspath), self.entries.get(abspath)
        try:
            if entry is None or entry["content"] != content:
                return None
            if any(self.hash_of(path) != digest for path, digest in entry["dependencies"].items()):
                return None
            return [_finding_of(data) for data in entry["findings"]]
        except (KeyError, TypeError, ValueError, AttributeError):
            return None  # a damaged entry

    def dependencies(self, abspath: str) -> list[str]:
        """The project files a file's findings depend on, as recorded with them (after a ``lookup`` that found them)."""
        return list(self.entries[abspath]["dependencies"])

    def store(self, abspath: str, content: str | None, findings: Iterable[Finding], dependencies: Iterable[str]) -> None:
        """Remember a file's findings, keyed by the content it had when it was read for this run."""
        if content is None:
            return
        hashes = {path: self.hash_of(path) for path in sorted(dependencies)}  # as read for this run, once per file
        if None in hashes.values():
            return  # a dependency vanished meanwhile: nothing stable to key on
        self.changed[abspath] = {"content": content, "dependencies": hashes, "findings": [_finding_json(f) for f in findings]}
