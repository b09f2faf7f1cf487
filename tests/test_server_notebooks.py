"""`mslint server` and notebook documents (LSP 3.17 notebookDocument/*), driven by pytest-lsp's client."""

from __future__ import annotations

import json

import pytest
from lsprotocol import types
from pygls.uris import from_fs_path
from test_server import code_actions, covered, mslint_fix, offset, project  # noqa: F401  (project: the fixture)

pytestmark = pytest.mark.asyncio

IMPORTS = "%matplotlib inline\nfrom mindspore import nn"
HEAD = "class Head(nn.Cell):\n    def construct(self, x):\n        return x.size(0), nn.ReLU(inplace=True)(x)"
BROKEN = "def f(:\n    pass"
FORWARD = "class Head(nn.Cell):\n    def forward(self, x):\n        return x"


def notebook_json(*sources: str) -> str:
    """A notebook file: a markdown cell, then the code cells (sources as lists of lines, as Jupyter writes them)."""
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# A port\n"]}]
    cells += [{"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source.splitlines(keepends=True)}
              for source in sources]
    return json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, indent=1) + "\n"


def open_notebook(client, path, *sources: str) -> tuple[str, list[str]]:
    """Open a notebook of a markdown cell and these code cells; return its uri and the code cells' uris."""
    uri = from_fs_path(str(path))
    cell_uris = [f"vscode-notebook-cell:{path}#cell{index}" for index in range(len(sources) + 1)]
    cells = [types.NotebookCell(kind=types.NotebookCellKind.Markup, document=cell_uris[0])]
    cells += [types.NotebookCell(kind=types.NotebookCellKind.Code, document=cell_uri) for cell_uri in cell_uris[1:]]
    documents = [types.TextDocumentItem(uri=cell_uris[0], language_id="markdown", version=1, text="# A port\n")]
    documents += [types.TextDocumentItem(uri=cell_uri, language_id="python", version=1, text=source) for cell_uri, source in zip(cell_uris[1:], sources)]
    notebook = types.NotebookDocument(uri=uri, notebook_type="jupyter-notebook", version=1, cells=cells)
    client.notebook_document_did_open(types.DidOpenNotebookDocumentParams(notebook_document=notebook, cell_text_documents=documents))
    return uri, cell_uris[1:]


def apply_all(texts: dict[str, str], edit: types.WorkspaceEdit) -> dict[str, str]:
    """Apply a workspace edit of several cell documents as a client does."""
    texts = dict(texts)
    for document_edit in edit.document_changes:
        uri = document_edit.text_document.uri
        text = texts[uri]
        for text_edit in sorted(document_edit.edits, key=lambda e: offset(text, e.range.start), reverse=True):
            text = text[: offset(text, text_edit.range.start)] + text_edit.new_text + text[offset(text, text_edit.range.end) :]
        texts[uri] = text
    return texts


async def test_cells_get_their_diagnostics_quick_fixes_and_the_fixes_of_mslint_fix(project):
    root, open_server = project
    client, published = await open_server()
    path = root / "port.ipynb"
    path.write_text(notebook_json(IMPORTS, HEAD, BROKEN), encoding="utf-8")
    uri, (imports, head, broken) = open_notebook(client, path, IMPORTS, HEAD, BROKEN)

    assert await published.of(imports, 1) == []
    by_code = {d.code: d for d in await published.of(head, 1)}
    assert sorted(by_code) == ["E7203", "E7204"]
    assert by_code["E7204"].range.start.line == 2 and covered(HEAD, by_code["E7204"].range) == ".size"
    assert covered(HEAD, by_code["E7203"].range) == "inplace=True"
    (error,) = await published.of(broken, 1)
    assert error.code == "E0001" and (error.range.start.line, error.range.start.character) == (0, 6)

    quick = await code_actions(client, head, by_code["E7204"].range, diagnostics=[by_code["E7204"]])
    (fix,) = [action for action in quick if action.kind == types.CodeActionKind.QuickFix]
    texts = {imports: IMPORTS, head: HEAD, broken: BROKEN}
    assert apply_all(texts, fix.edit)[head] == HEAD.replace("x.size(0)", "x.shape[0]")

    whole = types.Range(types.Position(0, 0), types.Position(3, 0))
    (fix_all,) = await code_actions(client, head, whole, only=["source.fixAll"])
    fixed = apply_all(texts, fix_all.edit)
    on_disk = json.loads(mslint_fix(path))["cells"]
    assert [fixed[imports], fixed[head], fixed[broken]] == ["".join(cell["source"]) for cell in on_disk[1:]]
    assert fixed[head] != HEAD


async def test_cells_are_one_module_edits_and_removed_cells_relint_and_close_clears_every_cell(project):
    root, open_server = project
    client, published = await open_server()
    uri, (first, head, broken) = open_notebook(client, root / "port.ipynb", "import numpy as np", FORWARD, BROKEN)
    assert await published.of(head, 1) == []  # no MindSpore import: not MindSpore code
    assert [d.code for d in await published.of(broken, 1)] == ["E0001"]

    # Only the first cell changes; the second, unchanged, is now MindSpore code (its `nn` comes from the first).
    published.received.clear()
    content = types.NotebookDocumentCellContentChanges(
        document=types.VersionedTextDocumentIdentifier(uri=first, version=2),
        changes=[types.TextDocumentContentChangeWholeDocument(text="from mindspore import nn")],
    )
    change = types.NotebookDocumentChangeEvent(cells=types.NotebookDocumentCellChanges(text_content=[content]))
    client.notebook_document_did_change(types.DidChangeNotebookDocumentParams(types.VersionedNotebookDocumentIdentifier(version=2, uri=uri), change))
    (forward,) = await published.of(head, 1)
    assert forward.code == "E7201" and covered(FORWARD, forward.range) == "forward"

    # The broken cell is deleted (index 3: the markdown cell counts): its diagnostics are cleared.
    published.received.clear()
    structure = types.NotebookDocumentCellChangeStructure(
        array=types.NotebookCellArrayChange(start=3, delete_count=1), did_close=[types.TextDocumentIdentifier(broken)])
    change = types.NotebookDocumentChangeEvent(cells=types.NotebookDocumentCellChanges(structure=structure))
    client.notebook_document_did_change(types.DidChangeNotebookDocumentParams(types.VersionedNotebookDocumentIdentifier(version=3, uri=uri), change))
    assert await published.of(broken, None) == []

    client.notebook_document_did_save(types.DidSaveNotebookDocumentParams(types.NotebookDocumentIdentifier(uri)))
    client.notebook_document_did_close(types.DidCloseNotebookDocumentParams(
        types.NotebookDocumentIdentifier(uri), [types.TextDocumentIdentifier(first), types.TextDocumentIdentifier(head)]))
    assert await published.of(first, None) == [] and await published.of(head, None) == []
