"""Markdown readiness report."""

from __future__ import annotations

from mslint.readiness.scan import STATUSES


def _cell(text: object) -> str:
    return str(text if text is not None else "-").replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(map(_cell, row)) + " |" for row in rows)]


def render_markdown(data: dict) -> str:
    summary = data["summary"]
    lines = [
        "# MindSpore migration readiness",
        "",
        f"**Score: {summary['score']}/100** — {summary['uses']} PyTorch API uses in {summary['files_using_torch']} of "
        f"{summary['files']} files. Formula: docs/readiness.md.",
        "",
        *_table(["status", "uses"], [[status, summary["by_status"][status]] for status in STATUSES]),
        "",
        *_table(["risk", "count"], [[f"{kind} risks", count] for kind, count in summary["risks"].items()]),
        "",
        "## Top blockers",
        "",
        *_table(["#", "API / rule", "status", "places", "files", "what to do"],
                [[index, f"[`{row['name']}`]({row['doc']})", row["status"], row["count"], row["files"], row["what"]]
                 for index, row in enumerate(data["blockers"], start=1)]),
    ]
    if data["third_party"]:
        lines += ["", "## Third-party imports", ""]
        lines += _table(["module", "MindSpore counterpart", "status", "files", "note"],
                        [[f"`{row['module']}`", row["counterpart"], row["status"], len(row["files"]), row["note"]] for row in data["third_party"]])
    lines += ["", "## Files", ""]
    lines += _table(["file", "score", "uses", *STATUSES, "risks"],
                    [[f"`{row['path']}`", row["score"], row["uses"], *(row["by_status"][s] for s in STATUSES), sum(row["risks"].values())]
                     for row in data["files"]])
    return "\n".join(lines) + "\n"
