"""CSV readiness report: one row per API use, per risk and per MindTorch usage limit, for a spreadsheet."""

from __future__ import annotations

import csv
import io

HEADER = ("file", "line", "column", "api", "status", "mindspore", "change", "effort", "advice", "doc", "cell", "mindtorch")
LIMIT_STATUS = "mindtorch-limit"


def render_csv(data: dict) -> str:
    """Uses first, then risks (``api`` is the rule symbol, ``status`` the risk kind), then the usage limits the
    MindTorch route meets (``status`` mindtorch-limit, ``change`` the limit, ``effort`` on that route), each in scan
    order; ``cell`` is the cell of a place in a notebook (its line and column are in that cell), ``mindtorch`` a use's
    status in MindTorch's support tables. Then, with ``--baseline``, one row per file and API with uses fixed or new
    since (``status`` baseline-fixed / baseline-new), and last the two routes (``status`` route, ``api`` route:native /
    route:mindtorch, ``effort`` in units, the recommendation in the MindTorch row)."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    for use in data["uses"]:
        writer.writerow((use["path"], use["line"], use["column"], use["api"], use["status"], use["ms"] or "", use["change"],
                         f"{use['effort']:g}", use["what"], use["doc"], use.get("cell", ""), use["mindtorch"] or ""))
    for risk in data["risks"]:
        writer.writerow((risk["path"], risk["line"], risk["column"], risk["symbol"], risk["kind"], "", risk["kind"],
                         f"{risk['effort']:g}", risk["message"], risk["doc"], risk.get("cell", ""), ""))
    for limit in data["limits"]:
        writer.writerow((limit["path"], limit["line"], limit["column"], limit["code"], LIMIT_STATUS, "", limit["kind"],
                         f"{limit['effort']:g}", limit["what"], limit["doc"], limit.get("cell", ""), "not-supported"))
    change = data.get("baseline")
    for status, key in (("baseline-fixed", "fixed_places"), ("baseline-new", "new_places")):
        for place in change[key] if change else ():
            writer.writerow((place["path"], "", "", place["api"], status, "", "", "", f"{place['count']} since {change['file']}", "", "", ""))
    routes, summary = data["routes"], data["summary"]
    native, layer = routes["native"], routes["mindtorch"]
    writer.writerow(("", "", "", "route:native", "route", "", "", f"{native['effort']:g}",
                     f"{native['hours']:g} h, {native['days']:g} days; mechanical share {summary['mechanical_share']}%", "docs/readiness.md", "", ""))
    writer.writerow(("", "", "", "route:mindtorch", "route", "", "", f"{layer['effort']:g}",
                     f"{layer['hours']:g} h, {layer['days']:g} days; {routes['recommendation']}", "docs/mindtorch.md", "", ""))
    return stream.getvalue()
