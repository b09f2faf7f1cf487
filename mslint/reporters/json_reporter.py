"""``--output-format=mslint-json``: findings with ranges and fixes (format documented in docs/json.md)."""

from __future__ import annotations

import json

from pylint.message import Message
from pylint.reporters import BaseReporter

from mslint import __version__
from mslint.checkers.base import store_of
from mslint.findings import Finding, findings_of


def render_json(findings: list[Finding]) -> str:
    document = {
        "tool": "mslint",
        "version": __version__,
        "findings": [finding.to_json() for finding in findings],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


class MslintJsonReporter(BaseReporter):
    """Every message of the run as one JSON document, mslint fixes included."""

    name = "mslint-json"
    extension = "json"

    def __init__(self, output=None) -> None:
        super().__init__(output)
        self.messages: list[Message] = []

    def handle_message(self, msg: Message) -> None:
        self.messages.append(msg)

    def display_messages(self, layout) -> None:
        self.writeln(render_json(findings_of(self.messages, store_of(self.linter).fixes)).rstrip("\n"))

    def display_reports(self, layout) -> None:
        """No reports section in JSON."""

    def _display(self, layout) -> None:
        """Nothing else to print."""
