"""Self-contained HTML readiness report: inline CSS and SVG charts, no scripts, no external resources."""

from __future__ import annotations

from html import escape

from mslint.readiness.scan import STATUSES

COLORS = {"auto-fixable": "#2e7d32", "needs-manual-change": "#f9a825", "no-equivalent": "#c62828",
          "possibly-tensor-method": "#90a4ae", "unknown": "#6a1b9a"}
CHART_ROWS = 30
BAR = 360  # pixels for the longest bar
ROW = 18
LABEL = 330
CSS = """
body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin:1em 0}
td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;font-size:13px}th{background:#f3f3f3}
.score{font-size:2.2em;font-weight:bold}.legend span{display:inline-block;margin-right:1em}
.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}svg text{font-size:12px}
"""


def _chart(title: str, rows: list[tuple[str, dict[str, int]]], chart_id: str) -> str:
    """A horizontal stacked bar per row (status counts), scaled to the largest row."""
    rows = rows[:CHART_ROWS]
    largest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    height = ROW * len(rows) + 10
    parts = [f'<h3>{escape(title)}</h3><svg id="{chart_id}" xmlns="http://www.w3.org/2000/svg" width="{LABEL + BAR + 60}" '
             f'height="{height}" role="img" aria-label="{escape(title)}">']
    for index, (label, counts) in enumerate(rows):
        y, x = index * ROW + 5, LABEL
        parts.append(f'<text x="{LABEL - 6}" y="{y + 12}" text-anchor="end">{escape(label[-48:])}</text>')
        for status in STATUSES:
            width = BAR * counts.get(status, 0) / largest
            if width:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{ROW - 4}" fill="{COLORS[status]}" '
                             f'data-status="{status}" data-count="{counts[status]}"><title>{escape(label)}: {status} {counts[status]}</title></rect>')
                x += width
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 12}" class="total">{sum(counts.values())}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(header: list[str], rows: list[list[str]], table_id: str) -> str:
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _link(text: str, url: str | None) -> str:
    return f'<a href="{escape(url)}">{escape(text)}</a>' if url else escape(text)


def render_html(data: dict) -> str:
    summary = data["summary"]
    legend = "".join(f'<span><i class="sw" style="background:{COLORS[s]}"></i>{s}</span>' for s in STATUSES)
    files = sorted((row for row in data["files"] if row["uses"]), key=lambda row: (-row["uses"], row["path"]))
    sections = [
        f'<p class="score">Score: <span id="score">{summary["score"]}</span>/100</p>',
        f'<p><span id="uses">{summary["uses"]}</span> PyTorch API uses in {summary["files_using_torch"]} of '
        f'{summary["files"]} files. Formula: docs/readiness.md.</p>',
        _table(["status", "uses"], [[escape(s), f'<span data-status="{s}">{summary["by_status"][s]}</span>'] for s in STATUSES], "statuses"),
        _table(["risk", "count"], [[escape(k), f'<span data-risk="{k}">{n}</span>'] for k, n in summary["risks"].items()], "risks"),
        f'<p class="legend">{legend}</p>',
        _chart("Status by file", [(row["path"], row["by_status"]) for row in files], "by-file"),
        _chart("Status by API", [(row["api"], row["by_status"]) for row in data["apis"]], "by-api"),
        "<h2>Top blockers</h2>",
        _table(["API / rule", "status", "places", "files", "what to do"],
               [[_link(row["name"], row["doc"]), escape(row["status"]), str(row["count"]), str(row["files"]), escape(row["what"])]
                for row in data["blockers"]], "blockers"),
    ]
    if data["third_party"]:
        sections += ["<h2>Third-party imports</h2>", _table(
            ["module", "MindSpore counterpart", "status", "files", "note"],
            [[_link(row["module"], row["source"]), escape(row["counterpart"] or "-"), escape(row["status"]), str(len(row["files"])),
              escape(row["note"])] for row in data["third_party"]], "third-party")]
    sections += ["<h2>Files</h2>", _table(
        ["file", "score", "uses", *STATUSES, "risks"],
        [[escape(row["path"]), str(row["score"]), str(row["uses"]), *(str(row["by_status"][s]) for s in STATUSES),
          str(sum(row["risks"].values()))] for row in data["files"]], "files")]
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>MindSpore migration readiness</title>'
        '<link rel="icon" href="data:,">'
        f'<style>{CSS}</style></head><body><h1>MindSpore migration readiness</h1>{"".join(sections)}'
        f'<p>{escape(data["tool"])}</p></body></html>\n'
    )
