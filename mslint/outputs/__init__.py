"""Reporters mslint adds to pylint."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pylint.lint import PyLinter


def register_reporters(linter: PyLinter) -> None:
    from mslint.outputs.json_reporter import MslintJsonReporter
    from mslint.outputs.sarif import MslintSarifReporter
    from mslint.outputs.text import MslintTextReporter

    linter.register_reporter(MslintJsonReporter)
    linter.register_reporter(MslintSarifReporter)
    linter.register_reporter(MslintTextReporter)
