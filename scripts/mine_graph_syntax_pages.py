"""List the support statements of MindSpore's static-graph syntax pages that graph_syntax_pages.toml lacks.

Usage: python scripts/mine_graph_syntax_pages.py <mindspore-ai/docs checkout> [--ref BRANCH_OR_COMMIT]

Reads the pages named in mslint/knowledge/data/graph_syntax_pages.toml (``[pages.*] source``) at the ref
(default: the commit the TOML records) with ``git show``, splits them into statements, and prints
(1) a TOML skeleton for each statement whose key is not in the file yet and (2) the keys of the file that
no longer match a statement. A statement is a table row, the first paragraph of a bullet or numbered
item, or a plain paragraph that says something about support ("support", "only", "cannot", "must", ...),
outside code blocks. Its key is ``<page>#<hash>`` over the whitespace-normalised text.
"""

from __future__ import annotations

import argparse
import hashlib
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from mslint.core.tomlcompat import tomllib

PAGES = Path(__file__).resolve().parent.parent / "mslint" / "knowledge" / "data" / "graph_syntax_pages.toml"
FACT = re.compile(r"support|only|cannot|can not|can't|must|not allowed|restrict|limit|error|constant|variable|"
                  r"in-?place|not perceived|ignored|valid|input parameter|calling|call:|usage|parameter:", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[-*]|\d+\.)\s+")
ITEM = re.compile(BULLET.pattern + r"|^\s*`[\w.]+`: ")


def statement_key(page: str, text: str) -> str:
    return f"{page}#{hashlib.sha1(' '.join(text.split()).encode('utf-8')).hexdigest()[:10]}"


def statements(markdown: str) -> Iterator[tuple[str, str]]:
    """(section, text) of every statement of a page."""
    section, block, in_code, table_rows = "", [], False, 0
    for line in [*markdown.splitlines(), ""]:
        stripped = line.strip()
        if stripped.startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            continue
        if stripped.startswith("|"):
            table_rows += 1
            if table_rows > 1 and not re.fullmatch(r"[|:\-\s]+", stripped):
                yield section, " ".join(stripped.split())
            continue
        table_rows = 0
        if ITEM.match(line) or stripped.startswith("#") or not stripped:
            yield from _paragraph(section, block)
            block = []
        if stripped.startswith("#"):
            section = stripped.lstrip("#").strip()
        elif stripped:
            block.append(stripped)
    yield from _paragraph(section, block)


def _paragraph(section: str, block: list[str]) -> Iterator[tuple[str, str]]:
    if not block:
        return
    text = " ".join(" ".join(block).split())
    if ITEM.match(block[0]) or FACT.search(text):
        yield section, BULLET.sub("", text, count=1)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("checkout", type=Path)
    parser.add_argument("--ref")
    args = parser.parse_args(argv)
    with PAGES.open("rb") as handle:
        known = tomllib.load(handle)
    ref = args.ref or known["docs"]["commit"]
    found: set[str] = set()
    for name, page in known["pages"].items():
        markdown = subprocess.run(["git", "-C", str(args.checkout), "show", f"{ref}:{page['source']}"],
                                  capture_output=True, text=True, check=True).stdout
        for section, text in statements(markdown):
            key = statement_key(name, text)
            if key in found:
                continue
            found.add(key)
            if key not in {statement["key"] for statement in known.get("statement", [])}:
                print(f'[[statement]]\nkey = "{key}"\npage = "{name}"\nsection = {_toml(section)}\n'
                      f'text = {_toml(text)}\nsays = "?"\nrows = []\n')
    stale = [statement["key"] for statement in known.get("statement", []) if statement["key"] not in found]
    for key in stale:
        print(f"# stale: {key}", file=sys.stderr)
    return 1 if stale else 0


def _toml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
