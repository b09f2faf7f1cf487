"""mslint: Pylint checkers for code moving from PyTorch to MindSpore.

Load with ``pylint --load-plugins=mslint``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from pylint.lint import PyLinter


def register(linter: PyLinter) -> None:
    """Register mslint's checkers and reporters (pylint's plugin entry point)."""
    from mslint.checkers import register_checkers
    from mslint.reporters import register_reporters

    register_checkers(linter)
    register_reporters(linter)


def load_configuration(linter: PyLinter) -> None:
    """Merge ``[tool.mslint]`` into the parsed options; a bad key or value stops the run clearly."""
    from mslint.checkers.base import store_of
    from mslint.config import ConfigError, apply_configuration

    try:
        # The language server lints each document with the settings of its own project (mslint.server).
        store_of(linter).settings = apply_configuration(linter, getattr(linter, "project_folder", None))
    except ConfigError as error:
        print(f"mslint: configuration error: {error}", file=sys.stderr)
        sys.exit(32)
