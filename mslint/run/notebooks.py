"""Notebooks in the lint run: a notebook file read as its code cells joined into one module (a cell that does not
parse reported as pylint's ``syntax-error``), fixes written back into the cells, and the diff of a fixed notebook
cell by cell (``mslint.core.notebooks`` holds the notebook model)."""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from mslint.core.edits import Fix
from mslint.core.notebooks import NotebookError, NotebookSource

if TYPE_CHECKING:
    from astroid import nodes
    from pylint.lint import PyLinter

# A notebook's module name: never importable, so it cannot replace a module of the same name in astroid's cache.
MODULE_SUFFIX = "-ipynb"


def notebook_module(linter: PyLinter, path: str, modname: str) -> nodes.Module | None:
    """The module of a notebook's code cells, built as pylint builds a file's (None when it cannot be read: the
    message is added); each cell left out because it does not parse gets a ``syntax-error`` message."""
    from pylint.interfaces import HIGH
    from pylint.lint import PyLinter

    try:
        source = NotebookSource.read(Path(path).read_bytes())
    except (OSError, NotebookError) as error:
        linter.add_message("parse-error", args=f"{path}: {error}")
        return None
    for cell in source.cells:
        if cell.error is not None:
            line, column, message = cell.error
            joined_line = cell.first_line + line - 1
            byte_column = len(source.line_text(joined_line)[:column].encode("utf-8"))
            linter.add_message("syntax-error", line=joined_line, col_offset=byte_column, confidence=HIGH,
                               args=f"Parsing failed: '{message}' (this cell is not checked, the others are)")
    return PyLinter.get_ast(linter, path, modname + MODULE_SUFFIX, source.text)


def fixed_notebook(raw: bytes, fixes: list[Fix]) -> tuple[bytes, int] | None:
    """The notebook file with the fixes applied in its cells and how many applied, or None when nothing changes
    or it must stay as it is (not a notebook, or the cells would not read back as fixed)."""
    try:
        source = NotebookSource.read(raw)
    except NotebookError:
        return None
    result = source.fixed(fixes)
    if result is None:
        return None
    texts, count = result
    new = source.rewritten(texts)
    return (new, count) if new is not None else None


def notebook_diff(before: bytes, after: bytes, shown: str) -> list[str]:
    """A unified diff of a notebook's changed code cells, one ``a/<path>:cell N`` section each (as Ruff shows it)."""
    old, new = NotebookSource.read(before), NotebookSource.read(after)
    lines: list[str] = []
    for old_cell, new_cell in zip(old.cells, new.cells):
        if old_cell.text != new_cell.text:
            name = f"{shown}:cell {old_cell.number}"
            lines += difflib.unified_diff(_lines(old_cell.text), _lines(new_cell.text), f"a/{name}", f"b/{name}")
    return lines


def _lines(text: str) -> list[str]:
    """A cell's lines for a diff, the last one ended (a cell's source usually has no final newline)."""
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith(("\n", "\r")):
        lines[-1] += "\n"
    return lines
