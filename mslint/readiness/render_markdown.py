"""Markdown readiness report."""

from __future__ import annotations

from mslint.readiness.render_text import number, place_name, plural
from mslint.readiness.uses import STATUSES


def _cell(text: object) -> str:
    return str(text if text is not None else "-").replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(map(_cell, row)) + " |" for row in rows)]


def _places(row: dict) -> list[str]:
    """Every place of a blocker, folded (GitHub renders ``<details>``)."""
    listed = ", ".join(f"`{place_name(place, column=False)}`" for place in row["places"])
    return [f"<details><summary><code>{row['name']}</code>: {plural(row['count'], 'place')}</summary>", "", listed, "", "</details>", ""]


def render_markdown(data: dict) -> str:
    summary = data["summary"]
    blockers = data["blockers"]
    lines = [
        "# MindSpore migration readiness",
        "",
        f"**Score: {summary['score']}/100**, estimated effort {number(summary['effort'])}: {plural(summary['uses'], 'PyTorch API use')} "
        f"in {summary['files_using_torch']} of {plural(summary['files'], 'file')}. Formula: docs/readiness.md.",
        "",
        *_table(["status", "uses"], [[status, summary["by_status"][status]] for status in STATUSES]),
        "",
        *_table(["risk", "count"], [[f"{kind} risks", count] for kind, count in summary["risks"].items()]),
        "",
        "## Effort by folder",
        "",
        *_table(["folder", "effort", "files", "uses", "risks"],
                [[f"`{row['folder']}`", number(row["effort"]), row["files"], row["uses"], row["risks"]] for row in data["folders"]]),
        "",
        f"## Blockers by effort ({len(blockers)})",
        "",
        *_table(["#", "API / rule", "status", "change", "effort", "places", "files", "what to do"],
                [[index, f"[`{row['name']}`]({row['doc']})", row["status"], row["change"], number(row["effort"]), row["count"],
                  row["files"],
                  row["what"]] for index, row in enumerate(blockers, start=1)]),
        "",
        "### Where",
        "",
    ]
    for row in blockers:
        lines += _places(row)
    if data["third_party"]:
        lines += ["## Third-party imports", ""]
        lines += _table(["module", "MindSpore counterpart", "status", "files", "note"],
                        [[f"`{row['module']}`", row["counterpart"], row["status"], len(row["files"]), row["note"]]
                         for row in data["third_party"]])
        lines += [""]
    listed = [row for row in data["files"] if row["score"] is not None or row["error"]]
    unlisted = len(data["files"]) - len(listed)
    lines += ["## Files", ""] + ([f"{plural(unlisted, 'file')} without PyTorch use not listed.", ""] if unlisted else [])
    lines += _table(["file", "score", "effort", "uses", *STATUSES, "risks", "error"],
                    [[f"`{row['path']}`", row["score"], number(row["effort"]), row["uses"], *(row["by_status"][s] for s in STATUSES),
                      sum(row["risks"].values()), row["error"]] for row in listed])
    return "\n".join(lines) + "\n"
