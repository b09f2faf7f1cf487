"""Regenerate docs/rules/*.md and the README rule table from the rule catalogue."""

from __future__ import annotations

from pathlib import Path

from mslint.outputs.docs import write_docs

if __name__ == "__main__":
    write_docs(Path(__file__).resolve().parent.parent)
