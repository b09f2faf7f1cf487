"""Run a readiness scan and write the report in the chosen format."""

from __future__ import annotations

import argparse
import json
import sys

from mslint.readiness.render_csv import render_csv
from mslint.readiness.render_html import render_html
from mslint.readiness.render_markdown import render_markdown
from mslint.readiness.render_text import progress_bar, render_text
from mslint.readiness.scan import Options, scan
from mslint.readiness.score import report

RENDERERS = {
    "text": render_text,
    "json": lambda data: json.dumps(data, indent=2) + "\n",
    "markdown": render_markdown,
    "html": render_html,
    "csv": render_csv,
}
FORMATS = tuple(RENDERERS)


def run(options: argparse.Namespace) -> int:
    """Scan ``options.paths``, write the report (or the fix preview); 0 on success."""
    if options.fix_preview:
        from mslint.readiness.preview import fix_preview

        return fix_preview(options)
    level = options.jit_syntax_level or "lax"
    show_progress = sys.stderr.isatty() and not getattr(options, "no_progress", False)
    progress = progress_bar(sys.stderr) if show_progress else None
    jobs = getattr(options, "jobs", 1)
    scan_options = Options(options.target, level)
    data = report(scan(options.paths, scan_options, progress, 1 if jobs is None else jobs), scan_options)
    text = RENDERERS[options.format](data)
    if options.output:
        with open(options.output, "w", encoding="utf-8", newline="") as stream:
            stream.write(text)
    else:
        sys.stdout.write(text)
    return 0
