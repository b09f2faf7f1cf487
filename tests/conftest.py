"""Fixtures shared by the tests in this folder."""

from __future__ import annotations

import pytest
from helpers import lint_file

from mslint.outputs.findings import Finding


@pytest.fixture
def lint_source(tmp_path):
    """Write ``source`` to a file and lint it; returns the mslint findings."""

    def run(source: str, name: str = "module.py", **options: str) -> list[Finding]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(source, encoding="utf-8")
        return lint_file(path, **options)

    return run
