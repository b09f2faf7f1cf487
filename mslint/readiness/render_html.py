"""Self-contained HTML readiness report: inline CSS, SVG charts and a small sorting script, no external resource."""

from __future__ import annotations

from html import escape

from mslint.readiness.render_text import number, place_name, plural
from mslint.readiness.uses import STATUSES

COLORS = {"auto-fixable": "#2e7d32", "needs-manual-change": "#f9a825", "no-equivalent": "#c62828",
          "possibly-tensor-method": "#90a4ae", "unknown": "#6a1b9a"}
EFFORT_COLOR = "#1565c0"
CHART_ROWS = 30
BAR = 560  # pixels for the longest bar
ROW = 18
LABEL = 360
CSS = """
body{font-family:system-ui,sans-serif;margin:0 auto;padding:1em 1.5em;max-width:1240px;color:#222;box-sizing:border-box}
h1{margin:.3em 0}h2{margin-top:1.6em;border-bottom:1px solid #ddd}nav a{margin-right:1.2em}
table{border-collapse:collapse;margin:.8em 0;width:100%}td,th{border:1px solid #ccc;padding:3px 8px;text-align:left;
font-size:13px;vertical-align:top;overflow-wrap:break-word}th{background:#f3f3f3}table.small{width:auto}
table.sortable th{cursor:pointer;user-select:none;white-space:nowrap}table.sortable th:after{content:" \\2195";color:#999}
th[data-dir=asc]:after{content:" \\2191"!important;color:#222}th[data-dir=desc]:after{content:" \\2193"!important;color:#222}
td.n{text-align:right;white-space:nowrap}.score{font-size:2.2em;font-weight:bold;margin:.2em 0}
.legend span{display:inline-block;margin-right:1em}.sw{display:inline-block;width:12px;height:12px;margin-right:4px;vertical-align:middle}
td.places{min-width:7em;max-width:22em}details ul{max-height:14em;overflow:auto;margin:.3em 0;padding-left:1.2em;
font-family:monospace;font-size:12px}
summary{cursor:pointer;white-space:nowrap}svg{max-width:100%;height:auto}svg text{font-size:12px}.muted{color:#666}
"""
# Click a header to sort its table; cells sort by their data-sort value when they have one, else by their text.
SCRIPT = """
document.querySelectorAll("table.sortable th").forEach(function (th) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0], column = th.cellIndex, ascending = th.dataset.dir !== "asc";
    table.querySelectorAll("th").forEach(function (other) { delete other.dataset.dir; });
    th.dataset.dir = ascending ? "asc" : "desc";
    function key(row) {
      var cell = row.cells[column], value = cell.dataset.sort !== undefined ? cell.dataset.sort : cell.textContent.trim();
      return cell.dataset.sort !== undefined && value !== "" && !isNaN(value) ? Number(value) : value.toLowerCase();
    }
    Array.prototype.slice.call(body.rows).sort(function (a, b) {
      var x = key(a), y = key(b);
      return (x < y ? -1 : x > y ? 1 : 0) * (ascending ? 1 : -1);
    }).forEach(function (row) { body.appendChild(row); });
  });
});
"""


def _svg(chart_id: str, title: str, rows: int) -> str:
    width, height = LABEL + BAR + 70, ROW * rows + 10
    return (f'<svg id="{chart_id}" xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" '
            f'role="img" aria-label="{escape(title)}">')


def _label(y: int, label: str) -> str:
    shown = label if len(label) <= 56 else "…" + label[-55:]
    return f'<text x="{LABEL - 6}" y="{y + 12}" text-anchor="end"><title>{escape(label)}</title>{escape(shown)}</text>'


def _status_chart(title: str, rows: list[tuple[str, dict[str, int]]], chart_id: str) -> str:
    """A horizontal stacked bar per row (status counts), scaled to the largest row."""
    rows = rows[:CHART_ROWS]
    largest = max((sum(counts.values()) for _, counts in rows), default=0) or 1
    parts = [f"<h3>{escape(title)}</h3>", _svg(chart_id, title, len(rows))]
    for index, (label, counts) in enumerate(rows):
        y, x = index * ROW + 5, LABEL
        parts.append(_label(y, label))
        for status in STATUSES:
            width = BAR * counts.get(status, 0) / largest
            if width:
                parts.append(f'<rect x="{x:.1f}" y="{y}" width="{width:.1f}" height="{ROW - 4}" fill="{COLORS[status]}" '
                             f'data-status="{status}" data-count="{counts[status]}">'
                             f'<title>{escape(label)}: {status} {counts[status]}</title></rect>')
                x += width
        parts.append(f'<text x="{x + 4:.1f}" y="{y + 12}" class="total">{sum(counts.values())}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _effort_chart(rows: list[dict]) -> str:
    """Estimated effort per folder, one bar each, scaled to the largest."""
    rows = rows[:CHART_ROWS]
    largest = max((row["effort"] for row in rows), default=0) or 1
    parts = [_svg("effort-by-folder", "Estimated effort by folder", len(rows))]
    for index, row in enumerate(rows):
        y, width = index * ROW + 5, BAR * row["effort"] / largest
        parts.append(_label(y, row["folder"]))
        parts.append(f'<rect x="{LABEL}" y="{y}" width="{width:.1f}" height="{ROW - 4}" fill="{EFFORT_COLOR}" '
                     f'data-effort="{row["effort"]}">'
                     f'<title>{escape(row["folder"])}: effort {number(row["effort"])}</title></rect>')
        parts.append(f'<text x="{LABEL + width + 4:.1f}" y="{y + 12}">{number(row["effort"])}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _table(header: list[str], rows: list[list[str]], table_id: str, sortable: bool = True) -> str:
    """Cells are HTML; a cell given as ``(html, sort_key)`` sorts by the key (numbers)."""
    head = "".join(f"<th>{escape(cell)}</th>" for cell in header)
    body = "".join("<tr>" + "".join(_cell(cell) for cell in row) + "</tr>" for row in rows)
    classes = "sortable" if sortable else "small"
    return f'<table id="{table_id}" class="{classes}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def _cell(cell: str | tuple[str, float | int | None] | tuple[str, float | int | None, str]) -> str:
    """A cell: HTML, or (HTML, sort key) for a number, or (HTML, sort key, CSS class)."""
    if isinstance(cell, tuple):
        html, key, css = (*cell, "n") if len(cell) == 2 else cell
        return f'<td class="{css}" data-sort="{"" if key is None else key}">{html}</td>'
    return f"<td>{cell}</td>"


def _count(value: float | int | None) -> tuple[str, float | int | None]:
    return ("-" if value is None else escape(number(value)), value)


def _breakable(text: str) -> str:
    """Escaped, with line-break opportunities after dots and slashes (long dotted names and paths)."""
    return escape(text).replace(".", ".<wbr>").replace("/", "/<wbr>")


def _link(text: str, url: str | None) -> str:
    return f'<a href="{escape(url)}">{_breakable(text)}</a>' if url else _breakable(text)


def _places(row: dict) -> str:
    items = "".join(f"<li>{_breakable(place_name(place))}</li>" for place in row["places"])
    return f'<details><summary>{plural(row["count"], "place")}</summary><ul>{items}</ul></details>'


def _what(row: dict) -> str:
    reason = f'<br><span class="muted">effort: {escape(row["reason"])}</span>' if row["reason"] else ""
    return escape(row["what"]) + reason


def render_html(data: dict) -> str:
    summary = data["summary"]
    legend = "".join(f'<span><i class="sw" style="background:{COLORS[s]}"></i>{s}</span>' for s in STATUSES)
    listed = [row for row in data["files"] if row["score"] is not None or row["error"]]
    unlisted = len(data["files"]) - len(listed)
    by_uses = sorted((row for row in listed if row["uses"]), key=lambda row: (-row["uses"], row["path"]))
    sections = [
        '<nav><a href="#folders-section">Effort by folder</a><a href="#blockers-section">Blockers</a>'
        '<a href="#charts-section">Charts</a><a href="#files-section">Files</a></nav>',
        f'<p class="score">Score: <span id="score">{summary["score"]}</span>/100</p>',
        f'<p>Estimated effort <b id="effort">{number(summary["effort"])}</b>: <span id="uses">{summary["uses"]}</span> PyTorch API '
        f'uses in {summary["files_using_torch"]} of {plural(summary["files"], "file")}. Formula and weights: docs/readiness.md.</p>',
        _table(["status", "uses"], [[escape(s), f'<span data-status="{s}">{summary["by_status"][s]}</span>'] for s in STATUSES],
               "statuses", sortable=False),
        _table(["risk", "count"], [[escape(k), f'<span data-risk="{k}">{n}</span>'] for k, n in summary["risks"].items()],
               "risks", sortable=False),
        '<h2 id="folders-section">Effort by folder</h2>',
        _effort_chart(data["folders"]),
        _table(["folder", "effort", "files", "uses", "risks"],
               [[_breakable(row["folder"]), _count(row["effort"]), _count(row["files"]), _count(row["uses"]), _count(row["risks"])]
                for row in data["folders"]], "folders"),
        f'<h2 id="blockers-section">Blockers by effort ({len(data["blockers"])})</h2>',
        _table(["#", "API / rule", "status", "change", "effort", "places", "files", "what to do"],
               [[_count(index), _link(row["name"], row["doc"]), escape(row["status"]), escape(row["change"]), _count(row["effort"]),
                 (_places(row), row["count"], "places"), _count(row["files"]), _what(row)]
                for index, row in enumerate(data["blockers"], start=1)], "blockers"),
        '<h2 id="charts-section">API uses by status</h2>',
        f'<p class="legend">{legend}</p>',
        _status_chart("By file (most uses first)", [(row["path"], row["by_status"]) for row in by_uses], "by-file"),
        _status_chart("By API (most effort first)", [(row["api"], row["by_status"]) for row in data["apis"]], "by-api"),
    ]
    if data["third_party"]:
        sections += ['<h2 id="third-party-section">Third-party imports</h2>', _table(
            ["module", "MindSpore counterpart", "status", "files", "note"],
            [[_link(row["module"], row["source"]), escape(row["counterpart"] or "-"), escape(row["status"]), _count(len(row["files"])),
              escape(row["note"])] for row in data["third_party"]], "third-party")]
    note = f'<p class="muted">{plural(unlisted, "file")} without PyTorch use not listed.</p>' if unlisted else ""
    sections += ['<h2 id="files-section">Files</h2>', note, _table(
        ["file", "score", "effort", "uses", *STATUSES, "risks"],
        [[_breakable(row["path"]) + (f' <span class="muted">({escape(row["error"])})</span>' if row["error"] else ""), _count(row["score"]),
          _count(row["effort"]), _count(row["uses"]), *(_count(row["by_status"][s]) for s in STATUSES), _count(sum(row["risks"].values()))]
         for row in listed], "files")]
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1"><title>MindSpore migration readiness</title>'
        '<link rel="icon" href="data:,">'
        f'<style>{CSS}</style></head><body><h1>MindSpore migration readiness</h1>{"".join(sections)}'
        f'<p class="muted">{escape(data["tool"])}</p><script>{SCRIPT}</script></body></html>\n'
    )
