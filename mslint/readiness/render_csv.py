"""CSV readiness report: one row per API use, per risk and per MindTorch usage limit, for a spreadsheet."""

from __future__ import annotations

import csv
import io

HEADER = ("file", "line", "column", "api", "status", "mindspore", "change", "effort", "advice", "doc", "mindtorch")
LIMIT_STATUS = "mindtorch-limit"


def render_csv(data: dict) -> str:
    """Uses first, then risks (``api`` is the rule symbol, ``status`` the risk kind), then the usage limits the
    MindTorch route meets (``status`` mindtorch-limit, ``change`` the limit, ``effort`` on that route), each in scan
    order; ``mindtorch`` is a use's status in MindTorch's support tables."""
    stream = io.StringIO()
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(HEADER)
    for use in data["uses"]:
        writer.writerow((use["path"], use["line"], use["column"], use["api"], use["status"], use["ms"] or "", use["change"],
                         f"{use['effort']:g}", use["what"], use["doc"], use["mindtorch"] or ""))
    for risk in data["risks"]:
        writer.writerow((risk["path"], risk["line"], risk["column"], risk["symbol"], risk["kind"], "", risk["kind"],
                         f"{risk['effort']:g}", risk["message"], risk["doc"], ""))
    for limit in data["limits"]:
        writer.writerow((limit["path"], limit["line"], limit["column"], limit["code"], LIMIT_STATUS, "", limit["kind"],
                         f"{limit['effort']:g}", limit["what"], limit["doc"], "not-supported"))
    return stream.getvalue()
