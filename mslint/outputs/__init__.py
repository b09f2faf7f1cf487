"""Reporters mslint adds to pylint."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pylint.lint import PyLinter


def register_reporters(linter: PyLinter) -> None:
    from mslint.outputs.base import MslintJsonReporter, MslintTextReporter
    from mslint.outputs.sarif import MslintSarifReporter

    linter.register_reporter(MslintJsonReporter)
    linter.register_reporter(MslintSarifReporter)
    linter.register_reporter(MslintTextReporter)
