"""Readiness score and the report every format renders (see docs/readiness.md for the formula)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from mslint import __version__
from mslint.readiness.scan import AUTO, MANUAL, NONE, RISK_KINDS, STATUS_OF_KIND, STATUSES, TENSOR, UNKNOWN, FileScan, Options, Risk, Use
from mslint.readiness.tensorflow import by_mapping_status

FORMAT = 1
# Points a use earns; a possible Tensor method earns what its Tensor mapping would.
POINTS = {AUTO: 1.0, MANUAL: 0.5, NONE: 0.0, UNKNOWN: 0.25}
NO_EQUIVALENT_COST = 2  # a use with no equivalent counts twice in the denominator
RISK_COST = 1  # each graph / device / porting risk is one more unit earning nothing
SEVERITY = {NONE: 0, "graph": 1, "target": 2, "porting": 3, UNKNOWN: 4, MANUAL: 5, TENSOR: 6}


def _points(use: Use) -> float:
    return POINTS[STATUS_OF_KIND[use.kind]] if use.status == TENSOR and use.kind else POINTS.get(use.status, 0.0)


def score(uses: Sequence[Use], risks: Sequence[Risk]) -> float:
    """100 x points / units, rounded to 0.1; 100 when there is nothing to port."""
    units = sum(NO_EQUIVALENT_COST if use.status == NONE else 1 for use in uses) + RISK_COST * len(risks)
    return round(100 * sum(map(_points, uses)) / units, 1) if units else 100.0


def _by_status(uses: Iterable[Use]) -> dict[str, int]:
    counted = Counter(use.status for use in uses)
    return {status: counted[status] for status in STATUSES}


def _by_kind(risks: Iterable[Risk]) -> dict[str, int]:
    counted = Counter(risk.kind for risk in risks)
    return {kind: counted[kind] for kind in RISK_KINDS}


def _blocks(use: Use) -> bool:
    return use.status != AUTO and not (use.status == TENSOR and use.kind == "exact")


def blockers(uses: Sequence[Use], risks: Sequence[Risk], limit: int = 20) -> list[dict[str, object]]:
    """APIs and risks that are not auto-fixable, most frequent first (ties: more severe first, then by name)."""
    grouped: dict[tuple[str, str], list[Use | Risk]] = defaultdict(list)
    for use in uses:
        if _blocks(use):
            grouped[(use.api, use.status)].append(use)
    for risk in risks:
        grouped[(risk.symbol, risk.kind)].append(risk)
    rows = []
    for (name, status), items in grouped.items():
        first = items[0]
        what = first.what if isinstance(first, Use) else first.message
        rows.append({"name": name, "status": status, "count": len(items), "files": len({item.path for item in items}),
                     "what": what, "doc": first.doc})
    rows.sort(key=lambda row: (-row["count"], SEVERITY[row["status"]], row["name"]))
    return rows[:limit]


def _apis(uses: Sequence[Use]) -> list[dict[str, object]]:
    grouped: dict[str, list[Use]] = defaultdict(list)
    for use in uses:
        grouped[use.api].append(use)
    rows = []
    for api, found in grouped.items():
        statuses = Counter(use.status for use in found)
        rows.append({"api": api, "count": len(found), "by_status": {s: statuses[s] for s in STATUSES if statuses[s]},
                     "kind": found[0].kind, "ms": found[0].ms, "doc": found[0].doc})
    return sorted(rows, key=lambda row: (-row["count"], row["api"]))


def _third_party(scans: Sequence[FileScan]) -> list[dict[str, object]]:
    grouped: dict[str, list] = defaultdict(list)
    for result in scans:
        for imported in result.imports:
            grouped[imported.module].append(imported)
    rows = []
    for module, found in grouped.items():
        entry = found[0].counterpart
        rows.append({"module": module, "status": entry.status, "counterpart": entry.counterpart, "note": entry.note,
                     "source": entry.source, "files": sorted({item.path for item in found})})
    order = {"none": 0, "unknown": 1, "partial": 2, "available": 3}
    return sorted(rows, key=lambda row: (order[row["status"]], -len(row["files"]), row["module"]))


def _location(item: Use | Risk) -> dict[str, object]:
    return {"path": item.path.replace("\\", "/"), "line": item.line, "column": item.column + 1}


def report(scans: Sequence[FileScan], options: Options) -> dict[str, object]:
    """The whole report as JSON-ready data (the ``--format json`` output, documented in docs/readiness.md)."""
    uses = [use for result in scans for use in result.uses]
    risks = [risk for result in scans for risk in result.risks]
    files = [
        {"path": result.path.replace("\\", "/"), "framework": result.framework, "uses": len(result.uses),
         "by_status": _by_status(result.uses), "risks": _by_kind(result.risks),
         "score": score(result.uses, result.risks), "error": result.error}
        for result in scans
    ]
    return {
        "format": FORMAT,
        "tool": f"mslint {__version__}",
        "options": {"target": options.target, "jit_syntax_level": options.level},
        "summary": {
            "files": len(scans),
            "files_using_torch": sum(1 for result in scans if result.uses),
            "uses": len(uses),
            "by_status": _by_status(uses),
            "tensorflow_by_mapping": by_mapping_status(uses),
            "risks": _by_kind(risks),
            "score": score(uses, risks),
        },
        "weights": {"points": POINTS, "no_equivalent_cost": NO_EQUIVALENT_COST, "risk_cost": RISK_COST},
        "blockers": blockers(uses, risks),
        "third_party": _third_party(scans),
        "files": files,
        "apis": _apis(uses),
        "uses": [{**_location(use), "api": use.api, "status": use.status, "kind": use.kind, "ms": use.ms, "what": use.what}
                 for use in uses],
        "risks": [{**_location(risk), "kind": risk.kind, "symbol": risk.symbol, "message": risk.message, "doc": risk.doc}
                  for risk in risks],
    }
