"""CSV readiness report: one row per API use and per risk, for a spreadsheet."""

from __future__ import annotations

import csv
import io

HEADER = ("file", "line", "column", "api", "status", "mindspore", "change", "effort", "advice", "doc", "cell")


def render_csv(data: dict) -> str:
    """Uses first, then risks (``api`` is the rule symbol, ``status`` the risk kind), each in scan order; ``cell`` is
    the cell of a place in a notebook (its line and column are in that cell)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    for use in data["uses"]:
        writer.writerow((use["path"], use["line"], use["column"], use["api"], use["status"], use["ms"] or "", use["change"],
                         f"{use['effort']:g}", use["what"], use["doc"], use.get("cell", "")))
    for risk in data["risks"]:
        writer.writerow((risk["path"], risk["line"], risk["column"], risk["symbol"], risk["kind"], "", risk["kind"],
                         f"{risk['effort']:g}", risk["message"], risk["doc"], risk.get("cell", "")))
    return stream.getvalue()
