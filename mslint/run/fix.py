"""Applying fixes to files on real file systems: content checked against what was linted, links, owner and
mode kept, read-only files and folders reported instead of aborting the run."""

from __future__ import annotations

import hashlib
import os
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from mslint.core.edits import Fix, apply_fixes, fixed_text
from mslint.core.files import NotWritten, write_atomically
from mslint.core.notebooks import is_notebook
from mslint.core.positions import decode_source
from mslint.outputs.findings import Finding
from mslint.run import LintSettings, lint
from mslint.run.notebooks import fixed_notebook
from mslint.run.progress import Progress
from mslint.run.screening import python_files
from mslint.run.selection import FileSelection

MAX_FIX_PASSES = 10


def fixed_bytes(raw: bytes, fixes: list[Fix], notebook: bool = False) -> tuple[bytes, list[Fix]] | None:
    """The file's bytes with the fixes applied and the fixes applied, or None when nothing changes or the file
    must stay as it is (it does not decode or parse, before or after). A notebook's fixes go into its cells."""
    if notebook:
        return fixed_notebook(raw, fixes)
    try:
        text, encoding = decode_source(raw)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return None
    new_text = fixed_text(text, fixes)
    if new_text is None:
        return None
    # utf-8-sig re-adds the BOM it stripped; every line ending outside the edits is untouched.
    return new_text.encode(encoding), apply_fixes(text, fixes)[1]


def fixed_source(raw: bytes, fixes: list[Fix], notebook: bool = False) -> bytes | None:
    """``fixed_bytes`` without the fixes applied."""
    result = fixed_bytes(raw, fixes, notebook)
    return result[0] if result else None


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass
class FixRun:
    """What a fix run did: files changed, findings fixed (per file and rule), findings left, files left alone
    and why."""

    changed: set[Path] = field(default_factory=set)
    fixed: int = 0
    findings: list[Finding] = field(default_factory=list)
    problems: dict[Path, str] = field(default_factory=dict)
    fixed_rules: Counter[tuple[Path, str, str]] = field(default_factory=Counter)  # (file, id, symbol) -> fixed

    def linted(self, paths: Sequence[str], settings: LintSettings, cache: bool, progress: Progress | None = None) -> dict[Path, str | None]:
        """Lint (the findings are kept) and return the fingerprint each file had before the lint."""
        selection = FileSelection(settings.effective())
        digests = {Path(os.path.realpath(path)): _digest(path) for path in python_files(paths, selection) if path.is_file()}
        self.findings = lint(paths, settings, cache=cache, progress=progress)
        return digests

    def unchanged(self, path: Path, digest: str | None) -> bytes | None:
        """A file's content if it is still as it was linted (its fingerprint), else None (the reason is kept)."""
        if path in self.problems:
            return None
        raw = path.read_bytes()
        if hashlib.sha256(raw).hexdigest() != digest:
            self.problems[path] = "it changed while mslint was linting it; run mslint again"
            return None
        return raw

    def write(self, path: Path, data: bytes) -> bool:
        """Write a file atomically; False, with the reason kept, when that fails."""
        try:
            write_atomically(path, data)
        except (NotWritten, OSError) as error:
            self.problems[path] = str(error) if isinstance(error, NotWritten) else error.strerror or str(error)
            return False
        self.changed.add(path)
        return True


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def fix_files(paths: Sequence[str], settings: LintSettings, unsafe: bool, cache: bool = False, progress: Progress | None = None) -> FixRun:
    """Lint and fix until nothing changes (bounded passes). Each file's content is fingerprinted before the lint
    that computes its fixes; a file changed since is not written (it is reported and linted again next pass).
    ``progress`` counts each pass's lint."""
    run = FixRun()
    for _ in range(MAX_FIX_PASSES):
        linted = run.linted(paths, settings, cache, progress)
        by_file: dict[Path, list[Finding]] = defaultdict(list)
        for finding in run.findings:
            if finding.fix and finding.fix.is_applicable(unsafe):
                by_file[Path(os.path.realpath(finding.abspath))].append(finding)
        changed = False
        written: set[tuple[int, int] | None] = set()  # (device, inode) of the files written this pass
        for path, fixable in sorted(by_file.items()):
            identity = _identity(path)
            if identity is not None and identity in written:
                continue  # a hard link's other name: the file was fixed through the first one
            raw = run.unchanged(path, linted.get(path))
            result = fixed_bytes(raw, [finding.fix for finding in fixable], is_notebook(path)) if raw is not None else None
            if result is not None and run.write(path, result[0]):
                written.add(identity)
                rule_of = {finding.fix: (finding.msg_id, finding.symbol) for finding in fixable}
                run.fixed += len(result[1])
                run.fixed_rules.update((path, *rule_of[fix]) for fix in result[1])
                changed = True
        if not changed:
            return run
    run.findings = lint(paths, settings, progress=progress)  # the last pass still changed files: report what is left
    return run
