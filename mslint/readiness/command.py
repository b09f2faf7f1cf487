"""Run a readiness scan and write the report in the chosen format."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence

from mslint.readiness.render_html import render_html
from mslint.readiness.render_markdown import render_markdown
from mslint.readiness.render_text import progress_bar, render_text
from mslint.readiness.scan import Options, scan
from mslint.readiness.score import report
from mslint.run import LintSettings

RENDERERS = {
    "text": render_text,
    "json": lambda data: json.dumps(data, indent=2) + "\n",
    "markdown": render_markdown,
    "html": render_html,
}


def run(paths: Sequence[str], settings: LintSettings, report_format: str = "text", output: str | None = None) -> int:
    """Scan ``paths`` under ``settings``, write the report in ``report_format`` to ``output`` (default stdout); 0 on success."""
    options = Options.of(settings)
    progress = progress_bar(sys.stderr) if report_format == "text" and sys.stderr.isatty() else None
    text = RENDERERS[report_format](report(scan(paths, options, progress), options))
    if output:
        with open(output, "w", encoding="utf-8") as stream:
            stream.write(text)
    else:
        sys.stdout.write(text)
    return 0
