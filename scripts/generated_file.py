"""The last step of every generator: write the data file, or with ``--check`` say whether the shipped one is current."""

from __future__ import annotations

from pathlib import Path


def write_or_check(out: Path, text: str, check: bool, command: str = "") -> int:
    """Write ``text`` to ``out`` (0); with ``check``, write nothing: 0 when ``out`` already holds ``text``, else 1."""
    if check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{out} is stale" + (f"; run {command}" if command else ""))
        return 0 if same else 1
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out} ({len(text)} bytes)")
    return 0
