"""Readiness score and the report every format renders (see docs/readiness.md for the formula)."""

from __future__ import annotations

import posixpath
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

from mslint.core.notebooks import NotebookSource, is_notebook
from mslint.core.versions import MSLINT_VERSION
from mslint.outputs.findings import source_of
from mslint.readiness.effort import (
    OVERRIDES,
    RISK_WEIGHTS,
    TENSOR_LIKELIHOOD,
    WEIGHTS,
    change_of,
    mechanical_effort,
    override_reason,
    risk_effort,
    use_effort,
)
from mslint.readiness.scan import RISK_KINDS, FileScan, Options, Risk
from mslint.readiness.tensorflow import by_mapping_status
from mslint.readiness.uses import AUTO, MANUAL, NONE, STATUSES, TENSOR, UNKNOWN, Use

FORMAT = 2
SEVERITY = {NONE: 0, "graph": 1, "target": 2, "porting": 3, UNKNOWN: 4, MANUAL: 5, TENSOR: 6}


def score(uses: Sequence[Use], risks: Sequence[Risk]) -> float | None:
    """100 x the effort the uses would take as plain renames / their estimated effort (risks included), rounded
    to 0.1; None when there is nothing to port."""
    total = sum(map(use_effort, uses)) + sum(map(risk_effort, risks))
    return round(100 * sum(map(mechanical_effort, uses)) / total, 1) if total else None


def _effort(uses: Iterable[Use], risks: Iterable[Risk] = ()) -> float:
    return round(sum(map(use_effort, uses)) + sum(map(risk_effort, risks)), 1)


def _by_status(uses: Iterable[Use]) -> dict[str, int]:
    counted = Counter(use.status for use in uses)
    return {status: counted[status] for status in STATUSES}


def _by_kind(risks: Iterable[Risk]) -> dict[str, int]:
    counted = Counter(risk.kind for risk in risks)
    return {kind: counted[kind] for kind in RISK_KINDS}


def _blocks(use: Use) -> bool:
    return use.status != AUTO and not (use.status == TENSOR and use.kind == "exact")


def blockers(uses: Sequence[Use], risks: Sequence[Risk]) -> list[dict[str, object]]:
    """APIs and risks that are not auto-fixable, most effort first (ties: more severe first, then by name), each
    with every place it occurs."""
    grouped: dict[tuple[str, str], list[Use | Risk]] = defaultdict(list)
    for use in uses:
        if _blocks(use):
            grouped[(use.api, use.status)].append(use)
    for risk in risks:
        grouped[(risk.symbol, risk.kind)].append(risk)
    rows = []
    for (name, status), items in grouped.items():
        first = items[0]
        if isinstance(first, Use):
            what, change, effort = first.what, change_of(first), _effort(items)
        else:
            what, change, effort = first.message, status, _effort((), items)
        rows.append({"name": name, "status": status, "change": change, "effort": effort, "count": len(items),
                     "files": len({item.path for item in items}), "what": what, "reason": override_reason(name), "doc": first.doc,
                     "places": [_location(item) for item in items]})
    rows.sort(key=lambda row: (-row["effort"], SEVERITY[row["status"]], row["name"]))
    return rows


def _apis(uses: Sequence[Use]) -> list[dict[str, object]]:
    grouped: dict[str, list[Use]] = defaultdict(list)
    for use in uses:
        grouped[use.api].append(use)
    rows = []
    for api, found in grouped.items():
        statuses = Counter(use.status for use in found)
        rows.append({"api": api, "count": len(found), "effort": _effort(found),
                     "by_status": {s: statuses[s] for s in STATUSES if statuses[s]},
                     "kind": found[0].kind, "ms": found[0].ms, "doc": found[0].doc})
    return sorted(rows, key=lambda row: (-row["effort"], -row["count"], row["api"]))


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
    """Where a use or risk is: in a notebook, its cell and the line and column in it."""
    source = source_of(item.path) if is_notebook(item.path) else None
    if isinstance(source, NotebookSource) and source.cells:
        place = source.position(item.line, item.column)
        return {"path": _posix(item.path), "cell": place.cell, "line": place.line, "column": place.column + 1}
    return {"path": _posix(item.path), "line": item.line, "column": item.column + 1}


def _posix(path: str) -> str:
    return path.replace("\\", "/")


def _folders(scans: Sequence[FileScan]) -> list[dict[str, object]]:
    """Effort per folder (each file's folder, from the folder all scanned files share), most effort first."""
    found = [result for result in scans if result.uses or result.risks]
    parents = [posixpath.dirname(_posix(result.path)) for result in found]
    try:
        common = posixpath.commonpath(parents) if parents else ""
    except ValueError:  # absolute and relative paths mixed
        common = ""
    base = posixpath.dirname(common.rstrip("/"))
    grouped: dict[str, list[FileScan]] = defaultdict(list)
    for parent, result in zip(parents, found):
        folder = posixpath.relpath(parent, base) if base else parent
        grouped["./" if folder in (".", "") else folder + "/"].append(result)
    rows = [{"folder": folder, "effort": _effort([u for r in results for u in r.uses], [k for r in results for k in r.risks]),
             "files": len(results), "uses": sum(len(r.uses) for r in results), "risks": sum(len(r.risks) for r in results)}
            for folder, results in grouped.items()]
    return sorted(rows, key=lambda row: (-row["effort"], row["folder"]))


def _use_row(use: Use) -> dict[str, object]:
    return {**_location(use), "api": use.api, "status": use.status, "kind": use.kind, "change": change_of(use),
            "effort": use_effort(use), "ms": use.ms, "what": use.what, "doc": use.doc}


def report(scans: Sequence[FileScan], options: Options) -> dict[str, object]:
    """The whole report as JSON-ready data (the ``--format json`` output, documented in docs/readiness.md)."""
    uses = [use for result in scans for use in result.uses]
    risks = [risk for result in scans for risk in result.risks]
    files = [
        {"path": _posix(result.path), "framework": result.framework, "uses": len(result.uses),
         "by_status": _by_status(result.uses), "risks": _by_kind(result.risks), "effort": _effort(result.uses, result.risks),
         "score": score(result.uses, result.risks), "error": result.error}
        for result in scans
    ]
    total = score(uses, risks)
    return {
        "format": FORMAT,
        "tool": f"mslint {MSLINT_VERSION}",
        "options": {"target": options.target, "jit_syntax_level": options.level},
        "summary": {
            "files": len(scans),
            "files_using_torch": sum(1 for result in scans if result.uses),
            "uses": len(uses),
            "by_status": _by_status(uses),
            "tensorflow_by_mapping": by_mapping_status(uses),
            "risks": _by_kind(risks),
            "effort": _effort(uses, risks),
            "score": 100.0 if total is None else total,
        },
        "weights": {"changes": WEIGHTS, "risks": RISK_WEIGHTS, "tensor_likelihood": TENSOR_LIKELIHOOD,
                    "overrides": {api: {"change": row.change, "reason": row.reason} for api, row in OVERRIDES.items()}},
        "blockers": blockers(uses, risks),
        "folders": _folders(scans),
        "third_party": _third_party(scans),
        "files": files,
        "apis": _apis(uses),
        "uses": [_use_row(use) for use in uses],
        "risks": [{**_location(risk), "kind": risk.kind, "symbol": risk.symbol, "effort": risk_effort(risk), "message": risk.message,
                   "doc": risk.doc} for risk in risks],
    }
