"""`mslint server` driven by a real LSP client over stdio (pytest-lsp's client)."""

from __future__ import annotations

import asyncio
import os
import subprocess
import sys

import pytest
import pytest_asyncio
from helpers import ROOT
from lsprotocol import types
from pygls.uris import from_fs_path
from pytest_lsp import client_capabilities, make_test_lsp_client


pytestmark = pytest.mark.asyncio

# Two safe fixes; the emoji makes UTF-16 columns differ from characters on the finding's line.
BAD = (
    "from mindspore import nn\n\n"
    "class Head(nn.Cell):\n"
    "    def layers(self, x):\n"
    "        s = '😀'; n = x.size(0)\n"
    "        return n, nn.ReLU(inplace=True)(x)\n"
)
CLEAN = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def construct(self, x):\n        return x\n"
HANG_GUARD = 300  # seconds: only stops a broken server from hanging the suite; no test measures time


class Published:
    """Every publishDiagnostics the client receives, in order (the listener re-arms before the next message)."""

    def __init__(self, client) -> None:
        self.client = client
        self.received: list[types.PublishDiagnosticsParams] = []
        self.arrived = asyncio.Event()
        self.loop = asyncio.get_running_loop()
        self._listen()

    def _listen(self) -> None:
        self.client.protocol.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS).add_done_callback(self._received)

    def _received(self, future) -> None:
        if future.cancelled() or future.exception() is not None:
            return  # the server has exited
        self.received.append(future.result())
        self._listen()
        self.loop.call_soon_threadsafe(self.arrived.set)

    async def of(self, uri: str, version: int | None) -> list[types.Diagnostic]:
        """The diagnostics published for this version of the document (None: the clearing on close)."""

        async def wait() -> list[types.Diagnostic]:
            while True:
                for params in self.received:
                    if params.uri == uri and params.version == version:
                        return list(params.diagnostics)
                self.arrived.clear()
                await self.arrived.wait()

        return await asyncio.wait_for(wait(), HANG_GUARD)


async def start(root, initialization_options=None):
    client = make_test_lsp_client()
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "GLOG_v": "3"}
    await client.start_io(sys.executable, "-m", "mslint", "server", cwd=str(root), env=environment)
    published = Published(client)
    await client.initialize_session(
        types.InitializeParams(
            capabilities=client_capabilities("visual-studio-code"),
            root_uri=from_fs_path(str(root)),
            workspace_folders=[types.WorkspaceFolder(uri=from_fs_path(str(root)), name="project")],
            initialization_options=initialization_options,
        )
    )
    return client, published


@pytest_asyncio.fixture
async def project(tmp_path):
    """A project folder and a server started in it; shut down (and checked to exit cleanly) afterwards."""
    servers = []

    async def open_server(initialization_options=None):
        client, published = await start(tmp_path, initialization_options)
        servers.append(client)
        return client, published

    yield tmp_path, open_server
    for client in servers:
        if client._server.returncode is None:
            await shut_down(client)


async def shut_down(client) -> None:
    """shutdown, then exit: the server process ends with status 0."""
    await client.shutdown_session()
    assert client._server.returncode == 0


def offset(text: str, position: types.Position) -> int:
    """Character offset of an LSP position (UTF-16 code units, as the VS Code client negotiates)."""
    lines = text.splitlines(keepends=True)
    line = lines[position.line] if position.line < len(lines) else ""
    units = 0
    for index, char in enumerate(line):
        if units >= position.character:
            return sum(map(len, lines[: position.line])) + index
        units += 2 if ord(char) > 0xFFFF else 1
    return sum(map(len, lines[: position.line])) + len(line.rstrip("\r\n"))


def covered(text: str, range_: types.Range) -> str:
    return text[offset(text, range_.start) : offset(text, range_.end)]


def apply(text: str, edit: types.WorkspaceEdit, uri: str) -> str:
    """Apply a workspace edit to a buffer as a client does (all ranges refer to the original text)."""
    (document_edit,) = edit.document_changes
    assert document_edit.text_document.uri == uri
    for text_edit in sorted(document_edit.edits, key=lambda e: offset(text, e.range.start), reverse=True):
        text = text[: offset(text, text_edit.range.start)] + text_edit.new_text + text[offset(text, text_edit.range.end) :]
    return text


def open_document(client, path, text: str, version: int = 1) -> str:
    uri = from_fs_path(str(path))
    client.text_document_did_open(types.DidOpenTextDocumentParams(types.TextDocumentItem(uri=uri, language_id="python", version=version, text=text)))
    return uri


def mslint_fix(path) -> str:
    """What `mslint fix` writes for the file (run in its folder, as the server was)."""
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "GLOG_v": "3"}
    subprocess.run([sys.executable, "-m", "mslint", "fix", path.name], cwd=path.parent, env=environment, capture_output=True, check=False)
    return path.read_text(encoding="utf-8")


async def code_actions(client, uri: str, range_: types.Range, only=None, diagnostics=()) -> list[types.CodeAction]:
    context = types.CodeActionContext(diagnostics=list(diagnostics), only=only, trigger_kind=types.CodeActionTriggerKind.Invoked)
    return await client.text_document_code_action_async(types.CodeActionParams(types.TextDocumentIdentifier(uri), range_, context))


async def test_diagnostics_quick_fixes_and_fix_all_equal_mslint_fix(project):
    root, open_server = project
    client, published = await open_server()
    path = root / "head.py"
    path.write_text(BAD, encoding="utf-8")
    uri = open_document(client, path, BAD)
    diagnostics = await published.of(uri, 1)

    by_code = {d.code: d for d in diagnostics}
    assert sorted(by_code) == ["E7203", "E7204"]
    size = by_code["E7204"]
    assert covered(BAD, size.range) == ".size"
    assert covered(BAD, by_code["E7203"].range) == "inplace=True"
    assert size.severity == types.DiagnosticSeverity.Error and size.source == "mslint"
    assert size.code_description.href == (ROOT / "docs" / "rules" / "ms-tensor-size-call.md").as_uri()  # a page that opens
    assert "ms-tensor-size-call" in size.message

    quick = await code_actions(client, uri, size.range, diagnostics=[size])
    fixes = [action for action in quick if action.kind == types.CodeActionKind.QuickFix]
    assert [action.is_preferred for action in fixes] == [True]
    assert "shape[0]" in fixes[0].title
    assert apply(BAD, fixes[0].edit, uri) == BAD.replace("x.size(0)", "x.shape[0]")

    whole = types.Range(types.Position(0, 0), types.Position(len(BAD.splitlines()), 0))
    (fix_all,) = await code_actions(client, uri, whole, only=["source.fixAll"])
    assert fix_all.kind == "source.fixAll.mslint"
    fixed = apply(BAD, fix_all.edit, uri)
    assert fixed == mslint_fix(path)
    assert fixed != BAD


async def test_unsaved_changes_are_linted_and_close_clears(project):
    root, open_server = project
    client, published = await open_server()
    path = root / "head.py"
    path.write_text(CLEAN, encoding="utf-8")
    uri = open_document(client, path, CLEAN)
    assert await published.of(uri, 1) == []

    # An incremental change that is never saved: the buffer, not the file, is linted.
    end_of_return = types.Position(line=4, character=len("        return x"))
    change = types.TextDocumentContentChangePartial(range=types.Range(end_of_return, end_of_return), text=".size(0)")
    client.text_document_did_change(types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(uri=uri, version=2), [change]))
    (diagnostic,) = await published.of(uri, 2)
    assert diagnostic.code == "E7204" and diagnostic.range.start.line == 4
    assert path.read_text(encoding="utf-8") == CLEAN

    # A full-text change back to the clean source, then save and close.
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(types.VersionedTextDocumentIdentifier(uri=uri, version=3), [types.TextDocumentContentChangeWholeDocument(text=CLEAN)])
    )
    assert await published.of(uri, 3) == []
    client.text_document_did_save(types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(uri)))
    client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri)))
    assert await published.of(uri, None) == []


async def test_bad_buffers_get_a_diagnostic_or_nothing_and_the_server_keeps_serving(project):
    root, open_server = project
    client, published = await open_server()

    syntax = open_document(client, root / "broken.py", "from mindspore import nn\ndef f(:\n    pass\n")
    (error,) = await published.of(syntax, 1)
    assert error.code == "E0001" and error.range.start.line == 1

    # What a client sends for undecodable bytes (a lone surrogate), and a latin-1 file read as such.
    undecodable = open_document(client, root / "bytes.py", "x = '\udcff'\nfrom mindspore import nn\nclass H(nn.Cell):\n    def forward(self, x):\n        return x\n")
    assert [d.code for d in await published.of(undecodable, 1)] == ["E7201"]
    latin = "# -*- coding: latin-1 -*-\nfrom mindspore import nn\nclass H(nn.Cell):\n    def forward(self, x):  # café\n        return x\n"
    latin_uri = open_document(client, root / "latin.py", latin)
    (forward,) = await published.of(latin_uri, 1)
    assert covered(latin, forward.range) == "forward"
    (rename,) = [a for a in await code_actions(client, latin_uri, forward.range) if a.kind == types.CodeActionKind.QuickFix]
    assert apply(latin, rename.edit, latin_uri) == latin.replace("def forward", "def construct")

    deep = open_document(client, root / "deep.py", "x = " + " + ".join(["1"] * 300) + "\n")
    assert [d.code for d in await published.of(deep, 1)] == ["F0002"]
    huge = open_document(client, root / "huge.py", "x = 1\n" * 400_000)
    (notice,) = await published.of(huge, 1)
    assert notice.severity == types.DiagnosticSeverity.Information and "not checked" in notice.message

    good = open_document(client, root / "good.py", BAD)
    assert sorted(d.code for d in await published.of(good, 1)) == ["E7203", "E7204"]


async def test_hover_shows_the_rule_explanation(project):
    root, open_server = project
    client, published = await open_server()
    uri = open_document(client, root / "head.py", BAD)
    size = next(d for d in await published.of(uri, 1) if d.code == "E7204")
    hover = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), size.range.start))
    assert hover.contents.kind == types.MarkupKind.Markdown
    assert "## Why is this bad?" in hover.contents.value and "ms-tensor-size-call" in hover.contents.value
    elsewhere = await client.text_document_hover_async(types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 0)))
    assert elsewhere is None


async def test_settings_from_the_documents_project_and_initialization_options(project):
    root, open_server = project
    quiet, strict, broken = root / "quiet", root / "strict", root / "broken"
    for folder in (quiet, strict, broken):
        folder.mkdir()
    (quiet / "pyproject.toml").write_text('[tool.mslint]\ndisable = ["ms-tensor-size-call"]\n')
    (strict / "pyproject.toml").write_text("[tool.mslint]\n")
    (broken / "pyproject.toml").write_text('[tool.mslint]\nno-such-key = 1\n')
    view = "from mindspore import nn\nclass H(nn.Cell):\n    def construct(self, x):\n        return x.view(2, -1).size(0)\n"

    # initializationOptions: a 1.x target, where Tensor.view does not exist yet and Tensor.size is a method.
    client, published = await open_server({"mindspore-version": "1.10"})
    assert [d.code for d in await published.of(open_document(client, strict / "m.py", view), 1)] == ["E7205"]
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(settings={"mindspore-version": "2.10"}))
    assert [d.code for d in await published.of(open_document(client, quiet / "m.py", view), 1)] == []
    assert [d.code for d in await published.of(open_document(client, strict / "n.py", view), 1)] == ["E7204"]
    (error,) = await published.of(open_document(client, broken / "m.py", view), 1)
    assert error.severity == types.DiagnosticSeverity.Error and "no-such-key" in error.message


async def test_rule_links_exclusions_and_per_file_ignores_follow_the_project(project):
    root, open_server = project
    for folder in ("tests", "generated"):
        (root / folder).mkdir()
    (root / "pyproject.toml").write_text(
        '[tool.mslint]\ndocs-url = "https://docs.example.org/rules"\nextend-exclude = ["generated"]\n'
        '[tool.mslint.per-file-ignores]\n"tests/*" = ["E7203"]\n'
    )
    client, published = await open_server()
    diagnostics = await published.of(open_document(client, root / "head.py", BAD), 1)
    assert {d.code: d.code_description.href for d in diagnostics} == {
        "E7203": "https://docs.example.org/rules/ms-unsupported-inplace.md",
        "E7204": "https://docs.example.org/rules/ms-tensor-size-call.md",
    }
    assert [d.code for d in await published.of(open_document(client, root / "tests" / "test_head.py", BAD), 1)] == ["E7204"]
    assert await published.of(open_document(client, root / "generated" / "head.py", BAD), 1) == []


async def test_shutdown_then_exit_ends_the_server(project):
    root, open_server = project
    client, published = await open_server()
    uri = open_document(client, root / "head.py", BAD)
    assert len(await published.of(uri, 1)) == 2
    await shut_down(client)
