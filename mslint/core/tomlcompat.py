"""TOML reading on every supported Python: the standard library's ``tomllib`` (3.11+), else ``tomli`` (its
original, same API; a dependency on 3.10 only). Every module, script and test imports ``tomllib`` from here."""

from __future__ import annotations

import sys

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

__all__ = ["tomllib"]
