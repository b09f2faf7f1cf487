"""Which files a lint run reads: the .py files and Jupyter notebooks below the given paths, minus those nested so
deeply that parsing them would overflow the stack (mslint.run reports those, mslint readiness lists them) and
notebooks that do not read as nbformat 4 JSON."""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Iterator, Sequence
from pathlib import Path

from mslint.core.notebooks import NOTEBOOK_SUFFIX, NotebookError, NotebookSource, is_notebook

# CPython's own parser stops at 200 nested parentheses; real code stays far below.
MAX_DEPTH = 200
LINTED_SUFFIXES = (".py", NOTEBOOK_SUFFIX)
SKIPPED_FOLDERS = frozenset({".git", ".hg", ".svn", ".tox", ".venv", "venv", "__pycache__", "node_modules", ".mypy_cache"})


def python_files(paths: Sequence[str]) -> Iterator[Path]:
    """The .py files and notebooks named or found below the given paths."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = sorted(d for d in subfolders if d not in SKIPPED_FOLDERS and not d.startswith("."))
                yield from (Path(folder) / file for file in sorted(files) if file.endswith(LINTED_SUFFIXES))
        else:
            yield path


def unreadable(path: Path) -> str | None:
    """Why a path must not be read as a Python file (None: it can be): not a regular file, or a notebook that is
    not nbformat 4 JSON."""
    if not path.is_file():
        return "not a regular file (FIFO, device or socket)"
    if is_notebook(path):
        try:
            NotebookSource.read(path.read_bytes())
        except NotebookError as error:
            return str(error)
        except OSError as error:
            return error.strerror or str(error)
    return None


def depth_reason(depth: int) -> str:
    """Why a file ``too_deep`` found is not checked."""
    return f"nesting depth {depth} > {MAX_DEPTH}" if depth else "the parser ran out of stack"


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
        raw = path.read_bytes()
        return source_too_deep(NotebookSource.read(raw).text if is_notebook(path) else raw)
    except (OSError, NotebookError):
        return None


def source_too_deep(source: str | bytes) -> int | None:
    """``too_deep`` for source text (a file's bytes or an editor's unsaved buffer)."""
    try:
        tree = ast.parse(source)
    except (RecursionError, MemoryError):
        return 0
    except (SyntaxError, ValueError):
        return None
    depth = nesting_depth(tree)
    return depth if depth > MAX_DEPTH else None


# Python 2 statements Python 3 cannot parse (mslint.run.repair neutralises them), then other Python 2 signs.
PYTHON2_STATEMENT_SIGNS = (
    (re.compile(r"^\s*print\s+[^\s(=.,)][^=]*$"), "print statement"),
    (re.compile(r"^\s*except\s+[\w.]+\s*,\s*\w+\s*:"), "except X, e"),
    (re.compile(r"^\s*raise\s+[\w.]+\s*,"), "raise X, message"),
    (re.compile(r"^\s*exec\s+[\"'\w]"), "exec statement"),
)
_PYTHON2_SIGNS = (
    *PYTHON2_STATEMENT_SIGNS,
    (re.compile(r"\b(?:xrange|raw_input|unicode|basestring|iteritems|has_key)\("), "Python 2 builtin"),
)
# Read on the line Python stopped at only: docstrings quote names in backticks.
_PYTHON2_LITERAL = re.compile(r"\bur[\"']|<>|`\w+`")


def python2_sign(source: str, error: SyntaxError) -> str | None:
    """Why a file that Python 3 cannot parse looks like Python 2 source ('print statement, line 12'), else None.

    Mixed tabs and spaces count only next to another Python 2 sign, or when that is the whole problem
    (Python 2 accepted them).
    """
    lines = source.splitlines()
    for number, line in enumerate(lines, start=1):
        code = line.split("#", 1)[0]
        for pattern, sign in _PYTHON2_SIGNS:
            if pattern.search(code):
                return f"{sign}, line {number}"
        if number == error.lineno and _PYTHON2_LITERAL.search(code):
            return f"Python 2 literal or operator, line {number}"
    if isinstance(error, TabError) or "inconsistent use of tabs" in str(error):
        return f"tabs and spaces mixed in indentation, line {error.lineno}"
    return None
