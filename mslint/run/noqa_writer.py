"""``mslint check --add-noqa``: a ``# noqa: <id>`` comment for every finding, so that the next run is clean and new
code is held to the rules (Ruff's ``--add-noqa``). Comments go where ``mslint.core.noqa`` says a finding's
``# noqa`` is read, merged with the comments there; a file is written only when the result is the same program."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from mslint.core.noqa import with_noqa
from mslint.core.positions import decode_source
from mslint.run import LintSettings
from mslint.run.fix import FixRun


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
        try:
            text, encoding = decode_source(raw)
        except (SyntaxError, LookupError, UnicodeDecodeError):
            continue
        result = with_noqa(text, codes)
        if result is not None and run.write(path, result[0].encode(encoding)):
            run.fixed += result[1]
    return run
