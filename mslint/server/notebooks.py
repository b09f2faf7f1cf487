"""Notebook documents in the language server (LSP 3.17 ``notebookDocument/*``, as pygls keeps them): a notebook's
Python code cells are linted as one module, as ``mslint check`` lints a notebook file; each finding is shown in its
cell's document, and a fix edits the cells it falls in."""

from __future__ import annotations

import dataclasses
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from lsprotocol import types
from pygls.workspace import Workspace

from mslint.core.edits import Edit, Fix
from mslint.core.notebooks import NOTEBOOK_SUFFIX, NotebookSource
from mslint.outputs.findings import Finding
from mslint.run.fix import MAX_FIX_PASSES
from mslint.server.linting import BufferLinter, EditorSettings

# Notebooks whose code cells are linted: any notebook type, Python cells.
SYNC_OPTIONS = types.NotebookDocumentSyncOptions(
    notebook_selector=[types.NotebookDocumentFilterWithCells(cells=[types.NotebookCellLanguage(language="python")], notebook="*")],
    save=True,
)


@dataclass(frozen=True)
class NotebookCells:
    """One version of a notebook's Python code cells: their documents (uri and version) and their joined source."""

    uri: str
    version: int
    uris: tuple[str, ...]
    versions: tuple[int | None, ...]
    source: NotebookSource

    @classmethod
    def of(cls, workspace: Workspace, uri: str) -> NotebookCells | None:
        """The open notebook's current cells (None when it is not open)."""
        notebook = workspace.get_notebook_document(notebook_uri=uri)
        if notebook is None:
            return None
        uris, versions, texts, numbers = [], [], [], []
        for number, cell in enumerate(notebook.cells, start=1):
            document = workspace.text_documents.get(cell.document)
            if cell.kind == types.NotebookCellKind.Code and document is not None and document.language_id == "python":
                uris.append(cell.document)
                versions.append(document.version)
                texts.append(document.source)
                numbers.append(number)
        return cls(notebook.uri, notebook.version, tuple(uris), tuple(versions), NotebookSource.join(texts, numbers))

    def split(self, findings: Sequence[Finding]) -> dict[str, list[Finding]]:
        """The findings of the joined source by cell document, at their lines and columns in the cell."""
        by_cell: dict[str, list[Finding]] = {uri: [] for uri in self.uris}
        if not self.uris:
            return by_cell
        for finding in findings:
            start = self.source.position(finding.line, finding.column)
            end = self.source.position(finding.end_line, finding.end_column)
            if end.cell != start.cell:
                end = start
            uri = self.uris[[cell.number for cell in self.source.cells].index(start.cell)]
            by_cell[uri].append(dataclasses.replace(finding, line=start.line, column=start.column, end_line=end.line, end_column=end.column))
        return by_cell

    def edits(self, edits: Sequence[Edit]) -> dict[str, list[Edit]] | None:
        """Edits of the joined source as edits of the cell documents; None when they cannot be written into cells."""
        mapped = self.source.cell_edits(edits)
        if mapped is None:
            return None
        by_cell: dict[str, list[Edit]] = defaultdict(list)
        for index, edit in mapped:
            by_cell[self.uris[index]].append(edit)
        return dict(by_cell)


def notebook_path(path: Path) -> Path:
    """The file a notebook document stands for (an unsaved one gets a notebook's name in the workspace)."""
    if path.suffix == NOTEBOOK_SUFFIX:
        return path
    return path.with_name(path.name.removesuffix(".py").removesuffix(NOTEBOOK_SUFFIX) + NOTEBOOK_SUFFIX)


def cell_errors(cells: NotebookCells, path: Path) -> list[Finding]:
    """``syntax-error`` findings for the cells left out because they do not parse (as ``mslint check`` reports them)."""
    found = []
    for cell in cells.source.cells:
        if cell.error is not None:
            line, column, message = cell.error
            joined = cell.first_line + line - 1
            found.append(Finding(str(path), str(path), joined, column, joined, column, "E0001", "syntax-error",
                                 f"Parsing failed: '{message}' (this cell is not checked, the others are)", "error", "HIGH", None))
    return found


def fixed_cells(linter: BufferLinter, path: Path, cells: NotebookCells, settings: EditorSettings) -> list[str]:
    """The cells' texts after the safe fixes, applied pass after pass as ``mslint fix`` does."""
    source = cells.source
    texts = [cell.text for cell in source.cells]
    for _ in range(MAX_FIX_PASSES):
        fixes: list[Fix] = [f.fix for f in linter.lint(path, source.text, settings) if f.fix and f.fix.is_applicable(False)]
        result = source.fixed(fixes)
        if result is None:
            break
        texts = result[0]
        source = NotebookSource.join(texts, [cell.number for cell in source.cells])
    return texts
