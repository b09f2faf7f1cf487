"""mslint's pylint reporters: collect the run's messages, write one document of findings (text, JSON; SARIF in
``sarif.py``). The renderers live apart from pylint (``text.py``, ``json_reporter.py``): a run answered from the
cache renders without importing it."""

from __future__ import annotations

from pylint.message import Message
from pylint.reporters import BaseReporter

from mslint.engine.checker import store_of
from mslint.outputs.findings import Finding, findings_of
from mslint.outputs.json_reporter import render_json
from mslint.outputs.text import render_text


class FindingsReporter(BaseReporter):
    """Collects every message and writes ``render(findings)`` once the run is over."""

    def __init__(self, output=None) -> None:
        super().__init__(output)
        self.messages: list[Message] = []

    def render(self, findings: list[Finding]) -> str:
        raise NotImplementedError

    def handle_message(self, msg: Message) -> None:
        self.messages.append(msg)

    def display_messages(self, layout) -> None:
        self.writeln(self.render(findings_of(self.messages, store_of(self.linter).fixes)).rstrip("\n"))

    def display_reports(self, layout) -> None:
        """No reports section: the document is the whole output."""

    def _display(self, layout) -> None:
        """Nothing else to print."""


class MslintTextReporter(FindingsReporter):
    """pylint's run printed as ``mslint check`` prints it (same columns)."""

    name = "mslint-text"
    extension = "txt"

    def render(self, findings: list[Finding]) -> str:
        return render_text(findings)


class MslintJsonReporter(FindingsReporter):
    """Every message of the run as one JSON document, mslint fixes included."""

    name = "mslint-json"
    extension = "json"

    def render(self, findings: list[Finding]) -> str:
        return render_json(findings)
