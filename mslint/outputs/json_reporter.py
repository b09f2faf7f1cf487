"""``--format json`` and ``--output-format=mslint-json``: findings with ranges and fixes (format documented in docs/json.md)."""

from __future__ import annotations

import json

from mslint.core.versions import MSLINT_VERSION
from mslint.outputs.findings import Finding


def render_json(findings: list[Finding]) -> str:
    document = {
        "tool": "mslint",
        "version": MSLINT_VERSION,
        "findings": [finding.to_json() for finding in findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"

