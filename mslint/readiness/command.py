"""Run a readiness scan and write the report in the chosen format."""

from __future__ import annotations

import argparse
import json
import sys

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
}


def run(options: argparse.Namespace) -> int:
    """Scan ``options.paths``, write the report; 0 on success."""
    level = options.jit_syntax_level or "lax"
    progress = progress_bar(sys.stderr) if options.format == "text" and sys.stderr.isatty() else None
    data = report(scan(options.paths, Options(options.target, level), progress), Options(options.target, level))
    text = RENDERERS[options.format](data)
    if options.output:
        with open(options.output, "w", encoding="utf-8") as stream:
            stream.write(text)
    else:
        sys.stdout.write(text)
    return 0
