"""``python -m mslint``."""

from __future__ import annotations

from mslint.cli import entry_point

entry_point()
