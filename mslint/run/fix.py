"""Applying fixes to files on real file systems: content checked against what was linted, links, owner and
mode kept, read-only files and folders reported instead of aborting the run."""

from __future__ import annotations

import hashlib
from collections import defaultdict
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
from mslint.run.screening import python_files

MAX_FIX_PASSES = 10


def fixed_bytes(raw: bytes, fixes: list[Fix], notebook: bool = False) -> tuple[bytes, int] | None:
    """The file's bytes with the fixes applied and how many applied, or None when nothing changes or the file
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
    return new_text.encode(encoding), len(apply_fixes(text, fixes)[1])


def fixed_source(raw: bytes, fixes: list[Fix], notebook: bool = False) -> bytes | None:
    """``fixed_bytes`` without the count."""
    result = fixed_bytes(raw, fixes, notebook)
    return result[0] if result else None


def _digest(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


@dataclass
class FixRun:
    """What a fix run did: files changed, findings fixed, findings left, files left alone and why."""

    changed: set[Path] = field(default_factory=set)
    fixed: int = 0
    findings: list[Finding] = field(default_factory=list)
    problems: dict[Path, str] = field(default_factory=dict)


def fix_files(paths: Sequence[str], settings: LintSettings, unsafe: bool, cache: bool = False) -> FixRun:
    """Lint and fix until nothing changes (bounded passes). Each file's content is fingerprinted before the lint
    that computes its fixes; a file changed since is not written (it is reported and linted again next pass)."""
    run = FixRun()
    for _ in range(MAX_FIX_PASSES):
        linted = {path.resolve(): _digest(path) for path in python_files(paths) if path.is_file()}
        run.findings = lint(paths, settings, cache=cache)
        by_file: dict[Path, list[Fix]] = defaultdict(list)
        for finding in run.findings:
            if finding.fix and finding.fix.is_applicable(unsafe):
                by_file[Path(finding.abspath).resolve()].append(finding.fix)
        changed = False
        for path, fixes in sorted(by_file.items()):
            if path in run.problems:
                continue
            raw = path.read_bytes()
            if hashlib.sha256(raw).hexdigest() != linted.get(path):
                run.problems[path] = "it changed while mslint was linting it; run mslint again"
                continue
            result = fixed_bytes(raw, fixes, is_notebook(path))
            if result is None:
                continue
            try:
                write_atomically(path, result[0])
            except (NotWritten, OSError) as error:
                run.problems[path] = str(error) if isinstance(error, NotWritten) else error.strerror or str(error)
                continue
            run.changed.add(path)
            run.fixed += result[1]
            changed = True
        if not changed:
            return run
    run.findings = lint(paths, settings)  # the last pass still changed files: report what is left
    return run
