"""Which files a lint run reads: the .py files below the given paths, minus those nested so deeply that parsing
them would overflow the stack (mslint.run reports those, mslint readiness lists them)."""

from __future__ import annotations

import ast
import os
from collections.abc import Iterator, Sequence
from pathlib import Path

# CPython's own parser stops at 200 nested parentheses; real code stays far below.
MAX_DEPTH = 200
SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn", ".tox", ".venv", "venv", "__pycache__", "node_modules", ".mypy_cache"})


def python_files(paths: Sequence[str]) -> Iterator[Path]:
    """The .py files named or found below the given paths."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if d not in SKIPPED_FOLDERS and not d.startswith("."))
                yield from (Path(folder) / file for file in sorted(files) if file.endswith(".py"))
        else:
            yield path


def nesting_depth(tree: ast.AST) -> int:
    """The depth of an AST, measured without recursion (fields read directly: every file is measured)."""
    deepest, pending, node_type = 0, [(tree, 1)], ast.AST
    while pending:
        node, depth = pending.pop()
        if depth > deepest:
            deepest = depth
        depth += 1
        for field in node._fields:
            value = getattr(node, field, None)
            if isinstance(value, node_type):
                pending.append((value, depth))
            elif isinstance(value, list):
                pending.extend((item, depth) for item in value if isinstance(item, node_type))
    return deepest


def too_deep(path: Path) -> int | None:
    """The nesting depth of a file when it is above MAX_DEPTH (0 when the parser itself gave up), else None.

    Files that do not read or parse are left to pylint, which reports them.
    """
    try:
        tree = ast.parse(path.read_bytes())
    except (RecursionError, MemoryError):
        return 0
    except (OSError, SyntaxError, ValueError):
        return None
    depth = nesting_depth(tree)
    return depth if depth > MAX_DEPTH else None
