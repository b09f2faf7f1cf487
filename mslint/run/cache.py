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
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from mslint.core.edits import Fix
from mslint.core.files import write_atomically
from mslint.core.project import project_root
from mslint.core.versions import MSLINT_VERSION
from mslint.outputs.findings import Finding

CACHE_FOLDER = ".mslint_cache"
FORMAT = 1
PACKAGE_ROOT = Path(__file__).resolve().parent.parent  # the mslint package


def cache_folder() -> Path:
    """Where ``mslint check`` keeps its cache: ``.mslint_cache`` in the project root (else the working folder)."""
    return (project_root() or Path.cwd().resolve()) / CACHE_FOLDER


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_hash(path: str) -> str | None:
    """The hash of a file's bytes, or None when it cannot be read."""
    try:
        return content_hash(Path(path).read_bytes())
    except OSError:
        return None


def installed_record() -> str | None:
    """The package's lines of the RECORD of the wheel this copy of mslint was installed from (each file with its
    hash): the same for each install of one wheel, whose files get new times and whose console script names the
    interpreter, so a cache restored in CI is reused. None for a checkout or an editable install."""
    from importlib import metadata

    try:
        distribution = metadata.distribution("mslint")
    except metadata.PackageNotFoundError:
        return None
    record = distribution.read_text("RECORD")
    if not record or Path(distribution.locate_file("mslint/run/cache.py")).resolve() != Path(__file__).resolve():
        return None  # another copy's metadata (this one runs from a checkout)
    return "\n".join(line for line in record.splitlines() if line.startswith("mslint/"))


def mslint_fingerprint() -> str:
    """mslint's version plus its installed wheel's RECORD, or (in a checkout) the size and time of each of its
    files: a development tree whose rules or data changed without a new version still gets a fresh cache."""
    record = installed_record()
    if record is not None:
        return content_hash(f"{MSLINT_VERSION}\n{record}".encode())
    digest = hashlib.blake2b(MSLINT_VERSION.encode(), digest_size=16)
    for path in sorted(PACKAGE_ROOT.rglob("*")):
        if path.suffix in (".py", ".json", ".toml") and "cards" not in path.parts:
            stat = path.stat()
            digest.update(f"{path.relative_to(PACKAGE_ROOT)}:{stat.st_size}:{stat.st_mtime_ns}".encode())
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


class LintCache:
    """The cached findings of one combination of mslint version and settings, read once and written back
    whole (merged with entries other runs wrote meanwhile)."""

    def __init__(self, root: Path, key: Mapping[str, Any]) -> None:
        self.folder = root / CACHE_FOLDER
        self.key = content_hash(json.dumps({"format": FORMAT, "mslint": mslint_fingerprint(), **key}, sort_keys=True, default=str).encode())
        self.path = self.folder / f"{self.key}.json"
        self.entries = self._read()
        self.changed: dict[str, dict[str, Any]] = {}
        self._hashes: dict[str, str | None] = {}

    def _read(self) -> dict[str, dict[str, Any]]:
        """The stored entries; none when the file is missing, corrupt or written for another key."""
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

    def store(self, abspath: str, content: str | None, findings: Iterable[Finding], dependencies: Iterable[str]) -> None:
        """Remember a file's findings, keyed by the content it had when it was read for this run."""
        if content is None:
            return
        hashes = {path: self.hash_of(path) for path in sorted(dependencies)}  # as read for this run, once per file
        if None in hashes.values():
            return  # a dependency vanished meanwhile: nothing stable to key on
        self.changed[abspath] = {"content": content, "dependencies": hashes, "findings": [_finding_json(f) for f in findings]}

    def save(self) -> None:
        """Write the entries, merged over what is on disk now, atomically; a cache that cannot be written is
        skipped silently (linting never fails because of its cache)."""
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
