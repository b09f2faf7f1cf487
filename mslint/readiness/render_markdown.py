"""Markdown readiness report."""

from __future__ import annotations

from mslint.knowledge.mindtorch import LAYER_STATUSES
from mslint.readiness.render_text import LAYER_TITLES, number, place_name, plural, routes_lines
from mslint.readiness.uses import STATUSES


def _cell(text: object) -> str:
    return str(text if text is not None else "-").replace("|", "\\|").replace("\n", " ")


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header), *("| " + " | ".join(map(_cell, row)) + " |" for row in rows)]


def _places(row: dict) -> list[str]:
    """Every place of a blocker, folded (GitHub renders ``<details>``)."""
    listed = ", ".join(f"`{place_name(place, column=False)}`" for place in row["places"])
    return [f"<details><summary><code>{row['name']}</code>: {plural(row['count'], 'place')}</summary>", "", listed, "", "</details>", ""]


def _routes(data: dict) -> list[str]:
    native, layer = data["routes"]["native"], data["routes"]["mindtorch"]
    lines = [f"- {line}" for line in routes_lines(data)]
    lines += ["", *_table(["route", "effort (units)", "hours", "days"],
                          [["native port", number(native["effort"]), native["hours"], native["days"]],
                           ["MindTorch", number(layer["effort"]), layer["hours"], layer["days"]]]), ""]
    lines += _table(["MindTorch status", "resolved uses", "possible Tensor methods"],
                    [[LAYER_TITLES[status], layer["by_status"][status], layer["tensor_methods"][status]] for status in LAYER_STATUSES])
    return lines


def _baseline(change: dict) -> list[str]:
    effort = change["effort"]
    lines = ["## Since the baseline", "",
             f"`{change['file']}`: {plural(change['fixed'], 'use')} fixed, {plural(change['new'], 'new use')}; effort left "
             f"{number(effort['now'])} units (was {number(effort['before'])}, {effort['change']:+g}).", ""]
    rows = [[f"`{api}`", "fixed", count] for api, count in change["fixed_by_api"].items()]
    rows += [[f"`{api}`", "new", count] for api, count in change["new_by_api"].items()]
    return lines + (_table(["API", "change", "uses"], rows) + [""] if rows else [])


def render_markdown(data: dict) -> str:
    summary = data["summary"]
    blockers, layer_blockers = data["blockers"], data["routes"]["mindtorch"]["blockers"]
    lines = [
        "# MindSpore migration readiness",
        "",
        f"{plural(summary['uses'], 'PyTorch API use')} in {summary['files_using_torch']} of {plural(summary['files'], 'file')}; "
        f"paths are relative to `{data['base']}`. Formulas: docs/readiness.md.",
        "",
        *_routes(data),
        "",
        *(_baseline(data["baseline"]) if "baseline" in data else []),
        "## Native port",
        "",
        *_table(["status", "uses"], [[status, summary["by_status"][status]] for status in STATUSES]),
        "",
        *_table(["risk", "count"], [[f"{kind} risks", count] for kind, count in summary["risks"].items()]),
        "",
        "### Effort by folder",
        "",
        *_table(["folder", "effort", "files", "uses", "risks"],
                [[f"`{row['folder']}`", number(row["effort"]), row["files"], row["uses"], row["risks"]] for row in data["folders"]]),
        "",
        f"### Blockers by effort ({len(blockers)})",
        "",
        *_table(["#", "API / rule", "status", "change", "effort", "places", "files", "what to do"],
                [[index, f"[`{row['name']}`]({row['doc']})", row["status"], row["change"], number(row["effort"]), row["count"],
                  row["files"], row["what"]] for index, row in enumerate(blockers, start=1)]),
        "",
        "#### Where",
        "",
    ]
    for row in blockers:
        lines += _places(row)
    lines += [f"## MindTorch route: what the layer does not support ({len(layer_blockers)})", ""]
    lines += _table(["#", "API / usage limit", "kind", "effort", "places", "files", "why"],
                    [[index, f"[`{row['name']}`]({row['doc']})", row["kind"], number(row["effort"]), row["count"], row["files"], row["what"]]
                     for index, row in enumerate(layer_blockers, start=1)])
    lines += ["", "#### Where", ""]
    for row in layer_blockers:
        lines += _places(row)
    if data["third_party"]:
        lines += ["## Third-party imports", ""]
        lines += _table(["module", "MindSpore counterpart", "status", "files", "note"],
                        [[f"`{row['module']}`", row["counterpart"], row["status"], len(row["files"]), row["note"]]
                         for row in data["third_party"]])
        lines += [""]
    listed = [row for row in data["files"] if row["mechanical_share"] is not None or row["error"]]
    unlisted = len(data["files"]) - len(listed)
    lines += ["## Files", ""] + ([f"{plural(unlisted, 'file')} without PyTorch use not listed.", ""] if unlisted else [])
    lines += _table(["file", "mechanical share", "effort", "uses", *STATUSES, "risks", "error"],
                    [[f"`{row['path']}`", row["mechanical_share"], number(row["effort"]), row["uses"], *(row["by_status"][s] for s in STATUSES),
                      sum(row["risks"].values()), row["error"]] for row in listed])
    return "\n".join(lines) + "\n"
