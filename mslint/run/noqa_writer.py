"""``mslint check --add-noqa``: a ``# noqa: <id>`` comment for every finding, so that the next run is clean and new
code is held to the rules (Ruff's ``--add-noqa``). Comments go where ``mslint.core.noqa`` says a finding's
``# noqa`` is read, merged with the comments there; a file is written only when the result is the same program.
In a notebook the comments go into its code cells (the JSON formatting kept), as fixes do."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from mslint.core.edits import Edit, Fix
from mslint.core.noqa import SOURCE_LINE, with_noqa
from mslint.core.notebooks import NotebookError, NotebookSource, is_notebook
from mslint.core.positions import decode_source
from mslint.run import LintSettings
from mslint.run.fix import FixRun
from mslint.run.notebooks import fixed_notebook


def add_noqa(paths: Sequence[str], settings: LintSettings, cache: bool = False) -> FixRun:
    """Lint, then add the ids of each file's mslint findings to ``# noqa`` comments; ``fixed`` counts the comments
    written or extended, ``findings`` are those of the lint."""
    run = FixRun()
    linted = run.linted(paths, settings, cache)
    by_file: dict[Path, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for finding in run.findings:
        if finding.is_mslint:
            by_file[Path(finding.abspath).resolve()][finding.line].add(finding.msg_id)
    for path, codes in sorted(by_file.items()):
        raw = run.unchanged(path, linted.get(path))
        if raw is None:
            continue
        result = _with_noqa(raw, codes, is_notebook(path))
        if result is not None and run.write(path, result[0]):
            run.fixed += result[1]
    return run


def _with_noqa(raw: bytes, codes: dict[int, set[str]], notebook: bool) -> tuple[bytes, int] | None:
    """The file with the comments added and how many were written or extended; None when nothing changes."""
    if notebook:
        try:
            source = NotebookSource.read(raw)
        except NotebookError:
            return None
        result = with_noqa(source.text, codes)
        written = fixed_notebook(raw, [Fix("Add noqa", (edit,)) for edit in _line_edits(source.text, result[0])]) if result else None
        return (written[0], len(written[1])) if written else None
    try:
        text, encoding = decode_source(raw)
    except (SyntaxError, LookupError, UnicodeDecodeError):
        return None
    result = with_noqa(text, codes)
    return (result[0].encode(encoding), result[1]) if result else None


def _line_edits(old: str, new: str) -> list[Edit]:
    """One edit per changed line body (``with_noqa`` changes line bodies only, never line endings)."""
    edits, offset = [], 0
    for before, after in zip(SOURCE_LINE.findall(old), SOURCE_LINE.findall(new)):
        body, new_body = before.rstrip("\r\n"), after.rstrip("\r\n")
        if body != new_body:
            edits.append(Edit(offset, offset + len(body), new_body))
        offset += len(before)
    return edits
