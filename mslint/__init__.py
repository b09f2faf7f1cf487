"""mslint: Pylint checkers for code moving from PyTorch to MindSpore.

Load with ``pylint --load-plugins=mslint``.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from mslint.core.versions import MSLINT_VERSION as __version__  # noqa: F401  (the package version, for users)

if TYPE_CHECKING:
    from pylint.lint import PyLinter


def register(linter: PyLinter) -> None:
    """Register mslint's checkers and reporters (pylint's plugin entry point)."""
    from mslint.outputs import register_reporters
    from mslint.rules import register_checkers

    register_checkers(linter)
    register_reporters(linter)


def load_configuration(linter: PyLinter) -> None:
    """Merge ``[tool.mslint]`` into the parsed options; a bad key or value stops the run clearly."""
    from mslint.core.settings import ConfigError, select_rules, settings_of_linter
    from mslint.engine.checker import store_of

    try:
        # mslint's own runs (check, fix, readiness, the language server) resolved their settings once and hand
        # them to the linter; a plain pylint run reads its --mslint-* options and [tool.mslint].
        settings = getattr(linter, "preset_settings", None) or settings_of_linter(linter)
        select_rules(linter, settings)
        store_of(linter).settings = settings
    except ConfigError as error:
        print(f"mslint: configuration error: {error}", file=sys.stderr)
        sys.exit(32)
