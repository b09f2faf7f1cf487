"""``--output-format=mslint-json``: findings with ranges and fixes (format documented in docs/json.md)."""

from __future__ import annotations

import json

from mslint import __version__
from mslint.findings import Finding
from mslint.reporters.base import FindingsReporter


def render_json(findings: list[Finding]) -> str:
    document = {
        "tool": "mslint",
        "version": __version__,
        "findings": [finding.to_json() for finding in findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


class MslintJsonReporter(FindingsReporter):
    """Every message of the run as one JSON document, mslint fixes included."""

    name = "mslint-json"
    extension = "json"

    def render(self, findings: list[Finding]) -> str:
        return render_json(findings)
