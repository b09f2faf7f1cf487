"""Plain-text summary of a readiness report, and the progress bar shown while scanning."""

from __future__ import annotations

import textwrap
from typing import TextIO

from mslint.knowledge.mindtorch import LAYER_STATUSES
from mslint.readiness.uses import STATUSES

BAR_WIDTH = 30
TOP_BLOCKERS = 10
TOP_PLACES = 3
WIDTH = 110
LAYER_TITLES = {"stable": "Stable", "beta": "Beta", "not-supported": "Not Support", "not-listed": "not in the tables"}


def plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def number(value: float) -> str:
    """An effort without a useless ``.0``."""
    return f"{value:g}" if value < 1e6 else f"{value:.0f}"


def duration(route: dict) -> str:
    """``3715 units ≈ 372 h ≈ 62 days``."""
    days = f"{route['days']:.0f}" if route["days"] >= 10 else f"{route['days']:g}"
    return f"{number(route['effort'])} units ≈ {route['hours']:.0f} h ≈ {days} days"


def layer_counts(counts: dict[str, int]) -> str:
    """``478 Stable, 410 Beta, 265 Not Support, 430 not in the tables``."""
    return ", ".join(f"{counts[status]} {LAYER_TITLES[status]}" for status in LAYER_STATUSES)


def routes_lines(data: dict) -> list[str]:
    """Both routes side by side, the route in use, the recommendation and the basis of the hours (every format shows
    these sentences)."""
    summary, routes = data["summary"], data["routes"]
    layer = routes["mindtorch"]
    limits = ", ".join(f"{count} {kind}" for kind, count in layer["limits"].items()) or "none"
    return [
        f"Native port (MindSpore Cells, mint, ops): {duration(routes['native'])}; mechanical share {summary['mechanical_share']}% "
        "(the part of that effort that is plain renames)",
        f"MindTorch route (the PyTorch code run on the MSAdapter layer): {duration(layer)}; resolved uses: "
        f"{layer_counts(layer['by_status'])}; possible Tensor methods: {layer_counts(layer['tensor_methods'])}; usage limits: {limits}",
        f"Route in use: {routes['current']['route']} ({routes['current']['reason']})",
        f"Recommendation: {routes['recommendation']}",
        f"Effort basis: {data['weights']['basis']}",
    ]


def place_name(place: dict, column: bool = True) -> str:
    """``a.py:3:5``; in a notebook ``a.ipynb:cell 2:3:5``, as ``mslint check`` writes positions."""
    cell = f"cell {place['cell']}:" if "cell" in place else ""
    return f"{place['path']}:{cell}{place['line']}" + (f":{place['column']}" if column else "")


def places(row: dict, shown: int) -> list[str]:
    """The first ``shown`` places (``a.py:3:5``), then ``and 12 more``."""
    listed = [place_name(place) for place in row["places"][:shown]]
    rest = len(row["places"]) - shown
    return listed + ([f"and {rest} more"] if rest > 0 else [])


def progress_bar(stream: TextIO):
    """A ``progress(done, total, path)`` callback redrawing one line on ``stream``."""

    def show(done: int, total: int, path: str) -> None:
        filled = BAR_WIDTH * done // max(total, 1)
        stream.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} files")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


def _wrapped(label: str, text: str, indent: int = 7) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=" " * indent + label, subsequent_indent=" " * (indent + len(label)),
                         break_long_words=False, break_on_hyphens=False)


def _places_lines(row: dict) -> list[str]:
    found = places(row, TOP_PLACES)
    return [f"       at: {found[0]}", *(f"           {place}" for place in found[1:]), f"       doc: {row['doc']}"]


def _blocker(index: int, row: dict) -> list[str]:
    kind = f"{row['status']} risk" if row["status"] == row["change"] else f"{row['status']}, {row['change']}"
    lines = [f"  {index:>2}. {row['name']} [{kind}] effort {number(row['effort'])}: "
             f"{plural(row['count'], 'place')} in {plural(row['files'], 'file')}"]
    return lines + _wrapped("what to do: ", row["what"]) + _places_lines(row)


def _layer_blocker(index: int, row: dict) -> list[str]:
    lines = [f"  {index:>2}. {row['name']} [{row['kind']}] effort {number(row['effort'])}: "
             f"{plural(row['count'], 'place')} in {plural(row['files'], 'file')}"]
    return lines + _wrapped("why: ", row["what"]) + _places_lines(row)


def render_text(data: dict) -> str:
    summary = data["summary"]
    blockers, layer_blockers = data["blockers"], data["routes"]["mindtorch"]["blockers"]
    lines = [
        f"MindSpore migration readiness: {plural(summary['uses'], 'PyTorch API use')} in {summary['files_using_torch']} of "
        f"{plural(summary['files'], 'file')} (paths relative to {data['base']})",
        "",
        *(wrapped for line in routes_lines(data) for wrapped in textwrap.wrap(line, WIDTH, subsequent_indent="    ", break_long_words=False,
                                                                              break_on_hyphens=False)),
        "",
        "API uses by status (native port):",
        *(f"  {status:<24}{summary['by_status'][status]:>7}" for status in STATUSES),
        "Risks:",
        *(f"  {kind + ' risks':<24}{count:>7}" for kind, count in summary["risks"].items()),
        *(["TensorFlow API uses by MindSpore mapping status:"] if summary["tensorflow_by_mapping"] else []),
        *(f"  {status:<24}{count:>7}" for status, count in summary["tensorflow_by_mapping"].items()),
    ]
    if "baseline" in data:
        lines += ["", *baseline_lines(data["baseline"])]
    if data["folders"]:
        lines += ["", "Effort by folder (native port, units):"]
        lines += [f"  {number(row['effort']):>8}  {row['folder']} ({plural(row['files'], 'file')})" for row in data["folders"]]
    if blockers:
        lines += ["", f"Top blockers of a native port by effort ({min(TOP_BLOCKERS, len(blockers))} of {len(blockers)}):"]
        for index, row in enumerate(blockers[:TOP_BLOCKERS], start=1):
            lines += _blocker(index, row)
    if layer_blockers:
        lines += ["", f"Top blockers of the MindTorch route by effort ({min(TOP_BLOCKERS, len(layer_blockers))} of {len(layer_blockers)}):"]
        for index, row in enumerate(layer_blockers[:TOP_BLOCKERS], start=1):
            lines += _layer_blocker(index, row)
    if data["third_party"]:
        lines += ["", "Third-party imports:"]
        lines += [f"  {row['module']:<40} {row['status']:<8} {row['counterpart'] or '-'} ({plural(len(row['files']), 'file')})"
                  for row in data["third_party"]]
    listed = [row for row in data["files"] if row["mechanical_share"] is not None or row["error"]]
    ranked = sorted(listed, key=lambda row: (row["mechanical_share"] if row["mechanical_share"] is not None else -1, row["path"]))
    unlisted = len(data["files"]) - len(listed)
    lines += ["", "Files (lowest mechanical share first" + (f"; {plural(unlisted, 'file')} without PyTorch use not listed" if unlisted else "") + "):",
              f"  {'share':>5}  {'uses':>9}  {'effort':>13}  file"]
    lines += [f"  {'-' if row['mechanical_share'] is None else row['mechanical_share']:>5}  {plural(row['uses'], 'use'):>9}  "
              f"effort {number(row['effort']):>6}  {row['path']}"
              + (f"  ({row['error']})" if row["error"] else "") for row in ranked]
    return "\n".join(lines) + "\n"


def baseline_lines(change: dict) -> list[str]:
    """What changed since the baseline report (``--baseline``)."""
    effort = change["effort"]
    lines = [f"Since the baseline ({change['file']}): {plural(change['fixed'], 'use')} fixed, {plural(change['new'], 'new use')}; "
             f"effort left {number(effort['now'])} units (was {number(effort['before'])}, {effort['change']:+g})"]
    for title, key in (("fixed", "fixed_by_api"), ("new", "new_by_api")):
        if change[key]:
            lines += _wrapped(f"{title}: ", ", ".join(f"{api} {count}" for api, count in change[key].items()), 2)
    return lines
