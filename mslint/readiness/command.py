"""Run a readiness scan and write the report in the chosen format."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from mslint.readiness.baseline import compare, read_baseline
from mslint.readiness.render_csv import render_csv
from mslint.readiness.render_html import render_html
from mslint.readiness.render_markdown import render_markdown
from mslint.readiness.render_text import progress_bar, render_text
from mslint.readiness.scan import Options, scan
from mslint.readiness.score import FORMAT, report
from mslint.run import LintSettings

RENDERERS = {
    "text": render_text,
    "json": lambda data: json.dumps(data, indent=2) + "\n",
    "markdown": render_markdown,
    "html": render_html,
    "csv": render_csv,
}


def run(paths: Sequence[str], settings: LintSettings, report_format: str = "text", output: str | None = None,
        progress: bool = True, baseline: str | None = None) -> int:
    """Scan ``paths`` under ``settings``, write the report in ``report_format`` to ``output`` (default stdout), with
    what changed since the JSON report ``baseline`` (``BaselineError`` when it cannot be read); 0 on success. A progress
    bar goes to stderr when ``progress`` and stderr is a terminal."""
    previous = read_baseline(baseline, FORMAT) if baseline else None
    options = Options.of(settings).resolved()
    bar = progress_bar(sys.stderr) if progress and sys.stderr.isatty() else None
    data = report(scan(paths, options, bar), options)
    if previous is not None:
        data["baseline"] = compare(data, previous, baseline)
    text = RENDERERS[report_format](data)
    if output:
        with open(output, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    else:
        sys.stdout.write(text)
    return 0
