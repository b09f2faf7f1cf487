"""Plain-text summary of a readiness report, and the progress bar shown while scanning."""

from __future__ import annotations

from typing import TextIO

from mslint.readiness.scan import STATUSES

BAR_WIDTH = 30


def progress_bar(stream: TextIO):
    """A ``progress(done, total, path)`` callback redrawing one line on ``stream``."""

    def show(done: int, total: int, path: str) -> None:
        filled = BAR_WIDTH * done // max(total, 1)
        stream.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} files")
        if done == total:
            stream.write("\n")
        stream.flush()

    return show


def render_text(data: dict) -> str:
    summary = data["summary"]
    lines = [
        f"Readiness score: {summary['score']}/100 ({summary['uses']} PyTorch API uses in "
        f"{summary['files_using_torch']} of {summary['files']} files)",
        "",
        "API uses by status:",
        *(f"  {status:<24}{summary['by_status'][status]:>7}" for status in STATUSES),
        "Risks:",
        *(f"  {kind + ' risks':<24}{count:>7}" for kind, count in summary["risks"].items()),
        *(["TensorFlow API uses by MindSpore mapping status:"] if summary["tensorflow_by_mapping"] else []),
        *(f"  {status:<24}{count:>7}" for status, count in summary["tensorflow_by_mapping"].items()),
        "",
        "Top blockers:",
        *(f"  {row['count']:>5}  {row['name']} [{row['status']}] {row['what'][:100]}\n         {row['doc']}" for row in data["blockers"][:10]),
    ]
    if data["third_party"]:
        lines += ["", "Third-party imports:"]
        lines += [f"  {row['module']:<40} {row['status']:<8} {row['counterpart'] or '-'} ({len(row['files'])} files)" for row in data["third_party"]]
    lines += ["", "Files (lowest score first):"]
    ranked = sorted(data["files"], key=lambda row: (row["score"], row["path"]))
    lines += [f"  {row['score']:>5}  {row['uses']:>5} uses  {row['path']}" + (f"  ({row['error']})" if row["error"] else "") for row in ranked]
    return "\n".join(lines) + "\n"
