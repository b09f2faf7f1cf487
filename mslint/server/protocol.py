"""The language server: diagnostics as you type, quick fixes, ``source.fixAll.mslint`` and rule help on hover, for
Python files and for the Python cells of notebooks (``server.notebooks``).

Linting runs in one worker thread (astroid is not thread-safe), so the server keeps reading messages
while a buffer is checked; results for an outdated buffer version are dropped.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path
from pygls.workspace import PositionCodec

from mslint.core import settings as config
from mslint.core.edits import Applicability, Edit
from mslint.core.positions import SourceText
from mslint.core.versions import MSLINT_VERSION
from mslint.outputs.docs import rule_markdown
from mslint.outputs.findings import Finding
from mslint.rules.catalog import find_rule
from mslint.server.linting import BufferLinter
from mslint.server.notebooks import SYNC_OPTIONS, NotebookCells, cell_errors, fixed_cells, notebook_path

logger = logging.getLogger(__name__)

SOURCE = "mslint"
FIX_ALL = "source.fixAll.mslint"
MAX_BUFFER_CHARS = 2_000_000  # larger buffers are not checked as you type (`mslint check` still does)
DEFAULT_DEBOUNCE_MS = 50
SEVERITIES = {
    "fatal": types.DiagnosticSeverity.Error,
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "refactor": types.DiagnosticSeverity.Hint,
    "convention": types.DiagnosticSeverity.Information,
    "info": types.DiagnosticSeverity.Information,
}
# Server options; every other key of initializationOptions / settings is a [tool.mslint] key.
SERVER_OPTIONS = ("lint-on-change", "debounce-ms")


class Lines(Sequence[str]):
    """The lines of a source as LSP counts them (ending at \\r\\n, \\r or \\n), for pygls's position codec."""

    def __init__(self, source: SourceText) -> None:
        self.source = source

    def __len__(self) -> int:
        return len(self.source.line_starts)

    def __getitem__(self, index):  # type: ignore[override]
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        return self.source.line_text(index + 1)


@dataclass
class LintedDocument:
    """The result of linting one version of a buffer."""

    version: int | None
    source: SourceText
    findings: list[Finding] = field(default_factory=list)
    notice: types.Diagnostic | None = None  # the buffer was not checked, or the configuration is wrong
    diagnostics: list[types.Diagnostic] = field(default_factory=list)
    cells: NotebookCells | None = None  # a notebook cell's: the notebook's cells, linted together


class MslintLanguageServer(LanguageServer):
    """mslint over LSP: one warm process, one lint thread."""

    def __init__(self) -> None:
        super().__init__("mslint", MSLINT_VERSION, text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         notebook_document_sync=SYNC_OPTIONS)
        self.linter = BufferLinter()
        self.lint_thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mslint-lint")
        self.settings: dict[str, Any] = {}
        self.lint_on_change = True
        self.debounce = DEFAULT_DEBOUNCE_MS / 1000
        self.linted: dict[str, LintedDocument] = {}  # by buffer, and by notebook cell
        self.pending: dict[str, asyncio.Task] = {}
        self.notebooks: dict[str, NotebookCells] = {}  # the cells last linted, by notebook

    # settings

    def configure(self, options: Any) -> None:
        """Take initializationOptions / didChangeConfiguration settings: ``[tool.mslint]`` keys plus server options."""
        if isinstance(options, dict) and isinstance(options.get("mslint"), dict):
            options = options["mslint"]
        if not isinstance(options, dict):
            return
        options = {key.replace("_", "-"): value for key, value in options.items()}
        self.lint_on_change = bool(options.get("lint-on-change", self.lint_on_change))
        debounce = options.get("debounce-ms")
        if isinstance(debounce, (int, float)) and debounce >= 0:
            self.debounce = debounce / 1000
        self.settings = {key: value for key, value in options.items() if key not in SERVER_OPTIONS}

    def warm_up(self, folder: Path) -> None:
        """Build the linter, astroid's builtins and the rule data while the client sends the first document."""
        self.lint_thread.submit(self._lint_quietly, folder / "__mslint_warm_up__.py", "import mindspore\n")
        self.lint_thread.submit(self.linter.collect_garbage)

    def _lint_quietly(self, path: Path, text: str) -> None:
        try:
            self.linter.lint(path, text, self.settings)
        except Exception:  # pylint: disable=broad-except  # a bad configuration is reported with the first document
            logger.debug("warm-up failed", exc_info=True)

    # linting

    def document_path(self, uri: str) -> Path:
        path = to_fs_path(uri)
        if path:
            return Path(path)
        root = to_fs_path(self.workspace.root_uri) if self.workspace.root_uri else None
        return Path(root or ".").resolve() / (uri.rsplit("/", 1)[-1].replace(":", "_") + ".py")

    def is_python(self, uri: str) -> bool:
        document = self.workspace.get_text_document(uri)
        return document.language_id == "python" or uri.endswith((".py", ".pyi"))

    def notebook_of(self, uri: str) -> str | None:
        """The uri of the open notebook a document is, or holds as a cell (None for other documents)."""
        notebook = self.workspace.get_notebook_document(notebook_uri=uri) or self.workspace.get_notebook_document(cell_uri=uri)
        return notebook.uri if notebook is not None else None

    def schedule(self, uri: str, delay: float) -> None:
        """Lint the buffer (a cell: its notebook) after ``delay`` seconds (a newer request replaces a waiting one)."""
        notebook = self.notebook_of(uri)
        uri = notebook or uri
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        if notebook is not None or self.is_python(uri):
            self.pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        await (self.lint_notebook(uri) if self.workspace.get_notebook_document(notebook_uri=uri) else self.lint_now(uri))

    async def lint_notebook(self, uri: str) -> NotebookCells | None:
        """Lint the notebook's current Python cells as one module and publish each cell's diagnostics; None when it
        was closed or changed meanwhile."""
        cells = NotebookCells.of(self.workspace, uri)
        if cells is None:
            return None
        path = notebook_path(self.document_path(uri))
        loop = asyncio.get_running_loop()
        linted = await loop.run_in_executor(self.lint_thread, self._lint, uri, path, cells.version, cells.source.text)
        try:
            current = self.workspace.get_notebook_document(notebook_uri=uri)
            if current is None or current.version != cells.version:
                return None
            previous = self.notebooks.get(uri)
            self.notebooks[uri] = cells
            codec = self.workspace.position_codec
            by_cell = cells.split([*linted.findings, *cell_errors(cells, path)])
            for index, (cell_uri, version) in enumerate(zip(cells.uris, cells.versions)):
                document = LintedDocument(version, cells.source.cells[index].source, by_cell[cell_uri], cells=cells)
                document.diagnostics = [diagnostic(finding, document.source, codec) for finding in document.findings]
                if index == 0 and linted.notice is not None:
                    document.notice = linted.notice
                    document.diagnostics.append(linted.notice)
                self.linted[cell_uri] = document
                self.text_document_publish_diagnostics(
                    types.PublishDiagnosticsParams(uri=cell_uri, version=version, diagnostics=document.diagnostics))
            for gone in set(previous.uris if previous else ()) - set(cells.uris):
                self.linted.pop(gone, None)
                self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=gone, diagnostics=[]))
            return cells
        finally:
            self.lint_thread.submit(self.linter.collect_garbage)

    async def lint_now(self, uri: str) -> LintedDocument | None:
        """Lint the buffer's current version and publish its diagnostics; None when it was closed meanwhile."""
        document = self.workspace.text_documents.get(uri)
        if document is None:
            return None
        version, text = document.version, document.source
        loop = asyncio.get_running_loop()
        linted = await loop.run_in_executor(self.lint_thread, self._lint, uri, self.document_path(uri), version, text)
        try:
            current = self.workspace.text_documents.get(uri)
            if current is None or current.version != version:
                return None  # closed or edited meanwhile: a newer lint is on its way
            self.linted[uri] = linted
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, version=version, diagnostics=linted.diagnostics)
            )
            return linted
        finally:
            self.lint_thread.submit(self.linter.collect_garbage)  # after publishing: off the latency path

    def _lint(self, uri: str, path: Path, version: int | None, text: str) -> LintedDocument:
        """Runs in the lint thread: never raises."""
        linted = LintedDocument(version, SourceText(text))
        if len(text) > MAX_BUFFER_CHARS:
            linted.notice = self.notice(
                types.DiagnosticSeverity.Information,
                f"mslint: not checked as you type ({len(text):,} characters, more than {MAX_BUFFER_CHARS:,}); run `mslint check`",
            )
        else:
            try:
                linted.findings = self.linter.lint(path, text, self.settings)
            except config.ConfigError as error:
                linted.notice = self.notice(types.DiagnosticSeverity.Error, f"mslint: configuration error: {error}")
            except Exception as error:  # pylint: disable=broad-except  # the server keeps serving
                logger.error("mslint failed on %s:\n%s", uri, traceback.format_exc())
                linted.notice = self.notice(types.DiagnosticSeverity.Error, f"mslint: internal error, not checked: {error!r}")
        codec = self.workspace.position_codec
        linted.diagnostics = [diagnostic(finding, linted.source, codec) for finding in linted.findings]
        if linted.notice is not None:
            linted.diagnostics.append(linted.notice)
        return linted

    @staticmethod
    def notice(severity: types.DiagnosticSeverity, message: str) -> types.Diagnostic:
        start = types.Position(line=0, character=0)
        return types.Diagnostic(range=types.Range(start=start, end=start), message=message, severity=severity, source=SOURCE)

    async def current(self, uri: str) -> LintedDocument | None:
        """The lint result of the buffer's current version (a cell's: its notebook's; linting it now if needed)."""
        document = self.workspace.text_documents.get(uri)
        if document is None or not self.is_python(uri):
            return None
        notebook = self.notebook_of(uri)
        if notebook is not None:
            linted_cells = self.notebooks.get(notebook)
            if linted_cells is None or linted_cells.version != self.workspace.get_notebook_document(notebook_uri=notebook).version:
                waiting = self.pending.pop(notebook, None)
                if waiting is not None:
                    waiting.cancel()
                await self.lint_notebook(notebook)
            return self.linted.get(uri)
        linted = self.linted.get(uri)
        if linted is not None and linted.version == document.version:
            return linted
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        return await self.lint_now(uri)

    def forget(self, uri: str) -> None:
        """Drop a closed buffer's (or notebook's) results and clear its diagnostics (a notebook's: every cell's)."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        cells = self.notebooks.pop(uri, None)
        for forgotten in cells.uris if cells is not None else (uri,):
            self.linted.pop(forgotten, None)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=forgotten, diagnostics=[]))

    async def fix_all(self, uri: str, linted: LintedDocument) -> types.WorkspaceEdit | None:
        """The edit applying every safe fix, as ``mslint fix`` would write the file (a cell's: the notebook's)."""
        loop = asyncio.get_running_loop()
        if linted.cells is not None:
            cells = linted.cells
            path = notebook_path(self.document_path(cells.uri))
            texts = await loop.run_in_executor(self.lint_thread, fixed_cells, self.linter, path, cells, self.settings)
            self.lint_thread.submit(self.linter.collect_garbage)
            changed = [(cell_uri, self.linted.get(cell_uri), [changed_span(cell.text, text)])
                       for cell_uri, cell, text in zip(cells.uris, cells.source.cells, texts) if text != cell.text]
            return self.documents_edit(changed) if changed else None
        path, text = self.document_path(uri), linted.source.text
        fixed = await loop.run_in_executor(self.lint_thread, self.linter.fix_all, path, text, self.settings)
        self.lint_thread.submit(self.linter.collect_garbage)
        if fixed == text:
            return None
        return self.workspace_edit(uri, linted, [changed_span(text, fixed)])

    def fix_edit(self, uri: str, linted: LintedDocument, edits: Sequence[Edit]) -> types.WorkspaceEdit | None:
        """The edit of one fix (in a notebook cell: of the cells it falls in; None when it cannot be written there)."""
        if linted.cells is None:
            return self.workspace_edit(uri, linted, edits)
        by_cell = linted.cells.edits(edits)
        return self.documents_edit([(cell, self.linted.get(cell), cell_edits) for cell, cell_edits in by_cell.items()]) if by_cell else None

    def workspace_edit(self, uri: str, linted: LintedDocument, edits: Sequence[Edit]) -> types.WorkspaceEdit:
        edit = self.documents_edit([(uri, linted, edits)])
        assert edit is not None
        return edit

    def documents_edit(self, changes: Sequence[tuple[str, LintedDocument | None, Sequence[Edit]]]) -> types.WorkspaceEdit | None:
        """One edit of several documents, each edited in the text it was linted as (None when one is no longer linted)."""
        linted_changes = [(uri, linted, edits) for uri, linted, edits in changes if linted is not None]
        if len(linted_changes) != len(changes):
            return None
        codec = self.workspace.position_codec
        text_edits = {
            uri: [types.TextEdit(range=offset_range(linted.source, edit.start, edit.end, codec), new_text=edit.content) for edit in sorted(set(edits))]
            for uri, linted, edits in linted_changes
        }
        capabilities = self.client_capabilities.workspace
        if capabilities and capabilities.workspace_edit and capabilities.workspace_edit.document_changes:
            return types.WorkspaceEdit(document_changes=[
                types.TextDocumentEdit(text_document=types.OptionalVersionedTextDocumentIdentifier(uri=uri, version=linted.version), edits=text_edits[uri])
                for uri, linted, _ in linted_changes
            ])
        return types.WorkspaceEdit(changes=text_edits)


def changed_span(text: str, fixed: str) -> Edit:
    """One edit turning ``text`` into ``fixed``: the span between their common prefix and suffix."""
    prefix = 0
    limit = min(len(text), len(fixed))
    while prefix < limit and text[prefix] == fixed[prefix]:
        prefix += 1
    suffix = 0
    while suffix < limit - prefix and text[-1 - suffix] == fixed[-1 - suffix]:
        suffix += 1
    return Edit(prefix, len(text) - suffix, fixed[prefix : len(fixed) - suffix])


def position(source: SourceText, line: int, column: int, codec: PositionCodec) -> types.Position:
    """An LSP position (client units) of a 1-based line and character column."""
    return codec.position_to_client_units(Lines(source), types.Position(line=line - 1, character=column))


def offset_range(source: SourceText, start: int, end: int, codec: PositionCodec) -> types.Range:
    return types.Range(start=position(source, *source.line_col(start), codec), end=position(source, *source.line_col(end), codec))


def finding_range(finding: Finding, source: SourceText) -> tuple[tuple[int, int], tuple[int, int]]:
    """(line, column) start and end of a finding in the source; an empty range is widened to the rest of its line."""
    line_count = len(source.line_starts)
    line, end_line = min(finding.line, line_count), min(finding.end_line, line_count)
    column, end_column = finding.column, finding.end_column
    if (line, column) == (end_line, end_column):
        end_column = max(len(source.line_text(line)), column)
    return (line, column), (end_line, end_column)


def diagnostic(finding: Finding, source: SourceText, codec: PositionCodec) -> types.Diagnostic:
    (line, column), (end_line, end_column) = finding_range(finding, source)
    rule = find_rule(finding.symbol) if finding.is_mslint else None
    return types.Diagnostic(
        range=types.Range(start=position(source, line, column, codec), end=position(source, end_line, end_column, codec)),
        severity=SEVERITIES.get(finding.category, types.DiagnosticSeverity.Warning),
        code=finding.msg_id,
        code_description=types.CodeDescription(href=rule.doc_url) if rule else None,
        source=SOURCE,
        message=f"{finding.message} ({finding.symbol})",
        data={"symbol": finding.symbol},
    )


def contains(finding: Finding, source: SourceText, line: int, column: int) -> bool:
    """Whether a 1-based line and character column lies in the finding's range (ends included)."""
    start, end = finding_range(finding, source)
    return start <= (line, column) <= end


def wanted(only: Sequence[str] | None, kind: str) -> bool:
    """Whether a code action of ``kind`` is asked for (``only`` lists kinds and their parents)."""
    return only is None or any(kind == asked or kind.startswith(f"{asked}.") for asked in only)


def fix_title(finding: Finding) -> str:
    fix = finding.fix
    assert fix is not None
    label = " (unsafe: review the change)" if fix.applicability is Applicability.UNSAFE else ""
    return f"{fix.title} ({finding.symbol}){label}"


def hover_text(findings: Sequence[Finding]) -> str:
    parts = []
    for finding in findings:
        rule = find_rule(finding.symbol) if finding.is_mslint else None
        parts.append(f"**{finding.msg_id}** `{finding.symbol}`: {finding.message}")
        if rule is not None:
            parts.append(rule_markdown(rule))
    return "\n\n---\n\n".join(parts)


def create_server() -> MslintLanguageServer:
    server = MslintLanguageServer()

    @server.feature(types.INITIALIZE)
    def initialize(ls: MslintLanguageServer, params: types.InitializeParams) -> None:
        ls.configure(params.initialization_options)
        root = to_fs_path(params.root_uri) if params.root_uri else None
        ls.warm_up(Path(root or Path.cwd()))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: MslintLanguageServer, params: types.DidChangeConfigurationParams) -> None:
        if params.settings:
            ls.configure(params.settings)
            for uri in list(ls.workspace.text_documents):
                ls.schedule(uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: MslintLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: MslintLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        if ls.lint_on_change:
            ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: MslintLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        uri = params.text_document.uri
        linted, document = ls.linted.get(uri), ls.workspace.text_documents.get(uri)
        if linted is None or document is None or linted.version != document.version:
            ls.schedule(uri, 0)  # not linted as typed (lint-on-change off, or still waiting): lint now

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: MslintLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        ls.forget(params.text_document.uri)

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_OPEN)
    def notebook_did_open(ls: MslintLanguageServer, params: types.DidOpenNotebookDocumentParams) -> None:
        ls.schedule(params.notebook_document.uri, 0)

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
    def notebook_did_change(ls: MslintLanguageServer, params: types.DidChangeNotebookDocumentParams) -> None:
        if ls.lint_on_change:
            ls.schedule(params.notebook_document.uri, ls.debounce)

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_SAVE)
    def notebook_did_save(ls: MslintLanguageServer, params: types.DidSaveNotebookDocumentParams) -> None:
        uri = params.notebook_document.uri
        linted, notebook = ls.notebooks.get(uri), ls.workspace.get_notebook_document(notebook_uri=uri)
        if linted is None or notebook is None or linted.version != notebook.version:
            ls.schedule(uri, 0)  # not linted as typed (lint-on-change off, or still waiting): lint now

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
    def notebook_did_close(ls: MslintLanguageServer, params: types.DidCloseNotebookDocumentParams) -> None:
        ls.forget(params.notebook_document.uri)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, types.CodeActionKind.SourceFixAll, FIX_ALL]),
    )
    async def code_action(ls: MslintLanguageServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        uri, only = params.text_document.uri, params.context.only
        linted = await ls.current(uri)
        if linted is None:
            return None
        actions = []
        if wanted(only, types.CodeActionKind.QuickFix):
            lines = Lines(linted.source)
            start = ls.workspace.position_codec.position_from_client_units(lines, params.range.start)
            end = ls.workspace.position_codec.position_from_client_units(lines, params.range.end)
            asked = ((start.line + 1, start.character), (end.line + 1, end.character))
            for finding, diag in zip(linted.findings, linted.diagnostics):
                first, last = finding_range(finding, linted.source)
                if finding.fix is None or finding.fix.applicability is Applicability.DISPLAY_ONLY:
                    continue
                edit = ls.fix_edit(uri, linted, finding.fix.edits) if first <= asked[1] and asked[0] <= last else None
                if edit is None:
                    continue
                actions.append(
                    types.CodeAction(
                        title=fix_title(finding),
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        is_preferred=finding.fix.applicability is Applicability.SAFE,
                        edit=edit,
                    )
                )
            actions.sort(key=lambda action: not action.is_preferred)
        # Fix-all lints the buffer again (until the fixes converge): only when asked for, not on every cursor move.
        asked_for = only is not None or params.context.trigger_kind != types.CodeActionTriggerKind.Automatic
        cells = [ls.linted[cell] for cell in linted.cells.uris if cell in ls.linted] if linted.cells else [linted]
        safe = [f for cell in cells for f in cell.findings if f.fix and f.fix.applicability is Applicability.SAFE]
        if safe and asked_for and wanted(only, FIX_ALL):
            edit = await ls.fix_all(uri, linted)
            if edit is not None:
                actions.append(types.CodeAction(title="mslint: apply all safe fixes", kind=FIX_ALL, edit=edit))
        return actions

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: MslintLanguageServer, params: types.HoverParams) -> types.Hover | None:
        linted = await ls.current(params.text_document.uri)
        if linted is None:
            return None
        at = ls.workspace.position_codec.position_from_client_units(Lines(linted.source), params.position)
        found = [f for f in linted.findings if contains(f, linted.source, at.line + 1, at.character)]
        if not found:
            return None
        return types.Hover(contents=types.MarkupContent(kind=types.MarkupKind.Markdown, value=hover_text(found)))

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: MslintLanguageServer, params: None) -> None:
        for task in ls.pending.values():
            task.cancel()
        ls.pending.clear()
        ls.lint_thread.shutdown(wait=False, cancel_futures=True)

    return server
