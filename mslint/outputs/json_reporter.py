"""``--output-format=mslint-json``: findings with ranges and fixes (format documented in docs/json.md)."""

from __future__ import annotations

import json

from mslint.core.versions import MSLINT_VERSION
from mslint.outputs.base import FindingsReporter
from mslint.outputs.findings import Finding


def render_json(findings: list[Finding]) -> str:
    document = {
        "tool": "mslint",
        "version": MSLINT_VERSION,
        "findings": [finding.to_json() for finding in findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


class MslintJsonReporter(FindingsReporter):
    """Every message of the run as one JSON document, mslint fixes included."""

    name = "mslint-json"
    extension = "json"

    def render(self, findings: list[Finding]) -> str:
        return render_json(findings)
