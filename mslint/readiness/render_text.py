"""Plain-text summary of a readiness report, and the progress bar shown while scanning."""

from __future__ import annotations

import textwrap
from typing import TextIO

from mslint.readiness.uses import STATUSES

BAR_WIDTH = 30
TOP_BLOCKERS = 10
TOP_PLACES = 3
WIDTH = 110


def plural(count: int, noun: str) -> str:
    """``1 file``, ``2 files``."""
    return f"{count} {noun}{'' if count == 1 else 's'}"


def number(value: float) -> str:
    """An effort without a useless ``.0``."""
    return f"{value:g}" if value < 1e6 else f"{value:.0f}"


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


def _wrapped(label: str, text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=f"       {label}", subsequent_indent=" " * (7 + len(label)), break_long_words=False,
                         break_on_hyphens=False)


def _blocker(index: int, row: dict) -> list[str]:
    kind = f"{row['status']} risk" if row["status"] == row["change"] else f"{row['status']}, {row['change']}"
    lines = [f"  {index:>2}. {row['name']} [{kind}] effort {number(row['effort'])}: "
             f"{plural(row['count'], 'place')} in {plural(row['files'], 'file')}"]
    lines += _wrapped("what to do: ", row["what"])
    found = places(row, TOP_PLACES)
    lines += [f"       at: {found[0]}", *(f"           {place}" for place in found[1:])]
    lines.append(f"       doc: {row['doc']}")
    return lines


def render_text(data: dict) -> str:
    summary = data["summary"]
    blockers = data["blockers"]
    lines = [
        f"Readiness score: {summary['score']}/100, estimated effort {number(summary['effort'])} "
        f"({plural(summary['uses'], 'PyTorch API use')} in {summary['files_using_torch']} of {plural(summary['files'], 'file')})",
        "",
        "API uses by status:",
        *(f"  {status:<24}{summary['by_status'][status]:>7}" for status in STATUSES),
        "Risks:",
        *(f"  {kind + ' risks':<24}{count:>7}" for kind, count in summary["risks"].items()),
        *(["TensorFlow API uses by MindSpore mapping status:"] if summary["tensorflow_by_mapping"] else []),
        *(f"  {status:<24}{count:>7}" for status, count in summary["tensorflow_by_mapping"].items()),
    ]
    if data["folders"]:
        lines += ["", "Effort by folder:"]
        lines += [f"  {number(row['effort']):>8}  {row['folder']} ({plural(row['files'], 'file')})" for row in data["folders"]]
    if blockers:
        lines += ["", f"Top blockers by effort ({min(TOP_BLOCKERS, len(blockers))} of {len(blockers)}):"]
        for index, row in enumerate(blockers[:TOP_BLOCKERS], start=1):
            lines += _blocker(index, row)
    if data["third_party"]:
        lines += ["", "Third-party imports:"]
        lines += [f"  {row['module']:<40} {row['status']:<8} {row['counterpart'] or '-'} ({plural(len(row['files']), 'file')})"
                  for row in data["third_party"]]
    listed = [row for row in data["files"] if row["score"] is not None or row["error"]]
    ranked = sorted(listed, key=lambda row: (row["score"] if row["score"] is not None else -1, row["path"]))
    unlisted = len(data["files"]) - len(listed)
    lines += ["", "Files (lowest score first" + (f"; {plural(unlisted, 'file')} without PyTorch use not listed" if unlisted else "") + "):"]
    lines += [f"  {'-' if row['score'] is None else row['score']:>5}  {plural(row['uses'], 'use'):>9}  "
              f"effort {number(row['effort']):>6}  {row['path']}"
              + (f"  ({row['error']})" if row["error"] else "") for row in ranked]
    return "\n".join(lines) + "\n"
