"""``--output-format=mslint-sarif`` and ``mslint check --format sarif``: SARIF 2.1.0 for GitHub code scanning.

Built from sarif-om objects and written with ``to_json`` below, which keeps every value that was set
(sarif-om's usual serializer drops values equal to the schema defaults, such as ``level: warning``).
Columns are 1-based UTF-16 code units; paths under the working directory are relative to ``%SRCROOT%``. SARIF
has no cells: a notebook's regions are where the code is written in its JSON text (a line of a cell's ``source``),
the cell and the position in it are the result's ``properties``, and a fix replaces the cells' ``source`` values.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any
from urllib.parse import quote

import attr
import sarif_om as om
from pylint.constants import MSG_TYPES
from pylint.exceptions import UnknownMessageError
from pylint.message import MessageDefinitionStore

from mslint.core.notebooks import NotebookSource
from mslint.core.positions import SourceText
from mslint.core.project import repository_root
from mslint.core.versions import MSLINT_VERSION
from mslint.engine.checker import store_of
from mslint.outputs.base import FindingsReporter
from mslint.outputs.docs import rule_markdown, rule_text
from mslint.outputs.findings import Finding, source_of
from mslint.outputs.fingerprints import line_hashes, read_for_hashing
from mslint.rules.catalog import Rule, all_rules

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
PYLINT_DOCS = "https://pylint.readthedocs.io/en/latest/user_guide/messages/{category}/{symbol}.html"
SRCROOT = "%SRCROOT%"
MAX_TEXT = 1024  # GitHub's limit for rule descriptions
MAX_TAGS = 10  # GitHub shows at most 10 tags per rule
LEVELS = {"error": "error", "fatal": "error", "warning": "warning"}  # other pylint categories: note
SEVERITIES = {"error": "error", "warning": "warning", "note": "recommendation"}


def build(cls: type, **fields: Any) -> Any:
    """A sarif-om object that remembers the fields given (not None), in order: ``to_json`` writes exactly those."""
    given = {name: value for name, value in fields.items() if value is not None}
    obj = cls(**given)
    obj.__dict__["_given"] = tuple(given)
    return obj


def to_json(value: Any) -> Any:
    """sarif-om objects to JSON data with the schema's property names, keeping every given value."""
    if attr.has(type(value)):
        fields = attr.fields_dict(type(value))
        return {fields[name].metadata["schema_property_name"]: to_json(getattr(value, name)) for name in value._given}
    if isinstance(value, (list, tuple)):
        return [to_json(item) for item in value]
    if isinstance(value, dict):
        return {key: to_json(item) for key, item in value.items()}
    return value


def level_of(category: str) -> str:
    """SARIF level of a pylint category."""
    return LEVELS.get(category, "note")


def _text(text: str, fallback: str) -> str:
    """Non-empty text within GitHub's length limit."""
    text = text.strip() or fallback
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _message(text: str, markdown: str | None = None) -> om.MultiformatMessageString:
    return build(om.MultiformatMessageString, text=text, markdown=markdown)


def _descriptor(
    msg_id: str, symbol: str, short: str, full: str, help_text: str, help_markdown: str | None, help_uri: str | None, tags: list[str]
) -> om.ReportingDescriptor:
    level = level_of(MSG_TYPES[msg_id[0]])
    return build(
        om.ReportingDescriptor,
        id=msg_id,
        name=symbol,
        short_description=_message(_text(short, symbol)),
        full_description=_message(_text(full, symbol)),
        help=_message(help_text.strip() or symbol, help_markdown),
        help_uri=help_uri,
        default_configuration=build(om.ReportingConfiguration, level=level),
        properties={"tags": tags[:MAX_TAGS], "precision": "high", "problem.severity": SEVERITIES[level]},
    )


def catalog_descriptor(rule: Rule, docs_url: str = "") -> om.ReportingDescriptor:
    """A rule of the catalogue, documented from its catalogue entry and card: the help is the whole rule page
    (no link is needed to read it); ``helpUri`` only when a ``docs-url`` is configured."""
    return _descriptor(
        rule.msgid,
        rule.symbol,
        rule.summary,
        rule.what,
        rule_text(rule),
        rule_markdown(rule),
        rule.doc_link(docs_url),
        ["mindspore", rule.family.title, rule.category, *rule.tags],
    )


def pylint_descriptor(msg_id: str, symbol: str, store: MessageDefinitionStore) -> om.ReportingDescriptor:
    """A message of pylint (or another plugin), documented from pylint's message store."""
    try:
        definition = store.get_message_definitions(msg_id)[0]
        description = definition.description
    except UnknownMessageError:
        description = ""
    category = MSG_TYPES[msg_id[0]]
    url = PYLINT_DOCS.format(category=category, symbol=symbol)
    first_paragraph = description.strip().split("\n\n")[0]
    return _descriptor(msg_id, symbol, first_paragraph, description, description, None, url, ["pylint", category])


def artifact_location(abspath: str, root: Path) -> om.ArtifactLocation:
    """Relative to %SRCROOT% (the resolved ``root``) for files under it, else an absolute file URI."""
    path = Path(abspath).resolve()
    try:
        return build(om.ArtifactLocation, uri=quote(path.relative_to(root).as_posix()), uri_base_id=SRCROOT)
    except ValueError:
        return build(om.ArtifactLocation, uri=path.as_uri())


def _line_hashes(abspath: str) -> list[str]:
    try:
        return line_hashes(read_for_hashing(Path(abspath).read_bytes()))
    except OSError:
        return []


def _column(source: SourceText | None, line: int, char_column: int) -> int:
    """1-based UTF-16 column of a 0-based character column."""
    if source is None or line > len(source.line_starts):
        return char_column + 1
    return source.utf16_column(line, char_column) + 1


def _region(source: SourceText | None, line: int, column: int, end_line: int, end_column: int) -> om.Region:
    return build(
        om.Region,
        start_line=line,
        start_column=_column(source, line, column),
        end_line=end_line,
        end_column=_column(source, end_line, end_column),
    )


def _replacement(source: SourceText, start: int, end: int, content: str) -> om.Replacement:
    return build(
        om.Replacement,
        deleted_region=_region(source, *source.line_col(start), *source.line_col(end)),
        inserted_content=build(om.ArtifactContent, text=content),
    )


def _replacements(finding: Finding) -> list[om.Replacement] | None:
    """The fix's edits as SARIF replacements in the file as stored: in a notebook, each changed cell's ``source``
    value in its JSON text (None when the fix cannot be written there)."""
    source = source_of(finding.abspath)
    if finding.fix is None or source is None:
        return None
    if not isinstance(source, NotebookSource):
        return [_replacement(source, edit.start, edit.end, edit.content) for edit in finding.fix.edits]
    replaced = source.file_replacements(finding.fix)
    if not replaced or source.document is None:
        return None
    return [_replacement(source.document.source, *replacement) for replacement in replaced]


def _result(finding: Finding, rule_index: int, root: Path, hashes: list[str]) -> om.Result:
    source, line, column, end_line, end_column = finding.file_range()
    location = artifact_location(finding.abspath, root)
    region = _region(source, line, column, end_line, end_column)
    replacements = _replacements(finding)
    fixes = None
    if finding.fix is not None and replacements:
        change = build(om.ArtifactChange, artifact_location=location, replacements=replacements)
        fixes = [build(om.Fix, description=build(om.Message, text=finding.fix.title), artifact_changes=[change])]
    cells = finding.cell_range
    return build(
        om.Result,
        rule_id=finding.msg_id,
        rule_index=rule_index,
        level=level_of(finding.category),
        message=build(om.Message, text=finding.message.strip() or finding.symbol),
        locations=[build(om.Location, physical_location=build(om.PhysicalLocation, artifact_location=location, region=region))],
        partial_fingerprints={"primaryLocationLineHash": hashes[line - 1]} if line <= len(hashes) else None,
        fixes=fixes,
        properties={"cell": cells[0].cell, "cellLine": cells[0].line, "cellColumn": cells[0].column + 1} if cells else None,
    )


def sarif_log(findings: list[Finding], store: MessageDefinitionStore, root: Path | None = None, docs_url: str = "") -> dict[str, Any]:
    """The SARIF log of a run: every catalogue rule, the other rules that have results, and the results. URIs
    are relative to ``root`` (default: the git root above the working folder, else the working folder)."""
    root = (root or repository_root()).resolve()
    rules = {rule.msgid: catalog_descriptor(rule, docs_url) for rule in all_rules()}
    for finding in sorted(findings, key=lambda f: f.msg_id):
        if finding.msg_id not in rules:
            rules[finding.msg_id] = pylint_descriptor(finding.msg_id, finding.symbol, store)
    index = {msg_id: position for position, msg_id in enumerate(rules)}
    hashes = {abspath: _line_hashes(abspath) for abspath in {finding.abspath for finding in findings}}
    base = root.as_uri()
    driver = build(
        om.ToolComponent,
        name="mslint",
        information_uri=docs_url or None,  # mslint has no public home yet: only the configured docs
        version=MSLINT_VERSION,
        semantic_version=MSLINT_VERSION,
        rules=list(rules.values()),
    )
    run = build(
        om.Run,
        tool=build(om.Tool, driver=driver),
        column_kind="utf16CodeUnits",
        original_uri_base_ids={SRCROOT: build(om.ArtifactLocation, uri=base if base.endswith("/") else f"{base}/")},
        results=[_result(finding, index[finding.msg_id], root, hashes[finding.abspath]) for finding in findings],
    )
    return to_json(build(om.SarifLog, schema_uri=SCHEMA_URI, version="2.1.0", runs=[run]))


def render_sarif(findings: list[Finding], store: MessageDefinitionStore, root: Path | None = None, docs_url: str = "") -> str:
    return json.dumps(sarif_log(findings, store, root, docs_url), indent=2, ensure_ascii=False) + "\n"


class MslintSarifReporter(FindingsReporter):
    """Every message of the run (pylint's own too) as one SARIF log, mslint fixes included."""

    name = "mslint-sarif"
    extension = "sarif"

    def render(self, findings: list[Finding]) -> str:
        return render_sarif(findings, self.linter.msgs_store, docs_url=store_of(self.linter).settings.docs_url)
