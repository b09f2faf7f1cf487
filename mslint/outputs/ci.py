"""CI outputs: GitHub Actions workflow-command annotations and the GitLab Code Quality report (docs/ci.md).
Positions are in the file as stored: in a notebook, where the code is written in its JSON text."""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from pathlib import Path

from mslint.outputs.findings import Finding

GITHUB_LEVELS = {"fatal": "error", "error": "error", "warning": "warning"}  # other categories: notice
GITLAB_SEVERITIES = {"fatal": "blocker", "error": "major", "warning": "minor"}  # other categories: info


def report_path(finding: Finding, root: Path) -> str:
    """The finding's file relative to ``root`` (forward slashes), or absolute when outside it."""
    path = Path(finding.abspath).resolve()
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return Path(os.path.abspath(finding.abspath)).as_posix()


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render_github(findings: list[Finding], root: Path) -> str:
    """One ``::error``/``::warning``/``::notice`` workflow command per finding (1-based columns)."""
    lines = []
    for finding in findings:
        path = report_path(finding, root)
        _, line, column, end_line, end_column = finding.file_range()
        properties = {
            "title": f"mslint ({finding.msg_id})",
            "file": path,
            "line": line,
            "col": column + 1,
            "endLine": end_line,
            "endColumn": end_column + 1,
        }
        spelled = ",".join(f"{key}={_escape_property(str(value))}" for key, value in properties.items())
        message = f"{path}:{finding.place}: {finding.msg_id} [{finding.symbol}] {finding.message}"
        lines.append(f"::{GITHUB_LEVELS.get(finding.category, 'notice')} {spelled}::{_escape_data(message)}\n")
    return "".join(lines)


def render_gitlab(findings: list[Finding], root: Path) -> str:
    """The Code Quality report: a JSON array of issues with a stable fingerprint each (path, rule, the text of
    the line and its occurrence count, so unrelated edits above do not change it)."""
    seen: Counter[tuple[str, str, str]] = Counter()
    issues = []
    for finding in findings:
        path = report_path(finding, root)
        source, line, column, end_line, end_column = finding.file_range()
        key = (path, finding.symbol, source.line_text(line).strip() if source and line <= len(source.line_starts) else "")
        seen[key] += 1
        fingerprint = hashlib.sha256("\0".join((*key, str(seen[key]))).encode("utf-8")).hexdigest()
        issues.append(
            {
                "description": f"{finding.msg_id} [{finding.symbol}] {finding.message}",
                "check_name": finding.symbol,
                "fingerprint": fingerprint,
                "severity": GITLAB_SEVERITIES.get(finding.category, "info"),
                "location": {
                    "path": path,
                    "positions": {
                        "begin": {"line": line, "column": column + 1},
                        "end": {"line": end_line, "column": end_column + 1},
                    },
                },
            }
        )
    return json.dumps(issues, indent=2, ensure_ascii=False) + "\n"
