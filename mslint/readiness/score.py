"""The mechanical share, both routes' effort and the report every format renders (docs/readiness.md gives the formulas)."""

from __future__ import annotations

import os
import posixpath
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from mslint.analysis.route import CONFIGURED, CONFIGURED_NATIVE, route_of_sources
from mslint.core.notebooks import NotebookError, NotebookSource, is_notebook
from mslint.core.versions import MSLINT_VERSION
from mslint.outputs.findings import source_of
from mslint.readiness import mindtorch
from mslint.readiness.effort import (
    HOURS_PER_DAY,
    HOURS_PER_UNIT,
    OVERRIDES,
    RISK_WEIGHTS,
    TENSOR_LIKELIHOOD,
    UNIT_BASIS,
    WEIGHTS,
    change_of,
    hours,
    mechanical_effort,
    override_reason,
    risk_effort,
    use_effort,
)
from mslint.readiness.scan import RISK_KINDS, FileScan, Options, Risk
from mslint.readiness.tensorflow import by_mapping_status
from mslint.readiness.uses import AUTO, MANUAL, NONE, STATUSES, TENSOR, UNKNOWN, Use

FORMAT = 3
SEVERITY = {NONE: 0, "graph": 1, "target": 2, "porting": 3, UNKNOWN: 4, MANUAL: 5, TENSOR: 6}


def mechanical_share(uses: Sequence[Use], risks: Sequence[Risk]) -> float | None:
    """The share of the estimated effort (risks included) that is mechanical: 100 x the effort the uses would take as
    plain renames / their estimated effort, rounded to 0.1; None when there is nothing to port."""
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


def blockers(uses: Sequence[Use], risks: Sequence[Risk], location: Callable) -> list[dict[str, object]]:
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
                     "places": [location(item) for item in items]})
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
                     "kind": found[0].kind, "ms": found[0].ms, "mindtorch": found[0].layer or None, "doc": found[0].doc})
    return sorted(rows, key=lambda row: (-row["effort"], -row["count"], row["api"]))


def _third_party(scans: Sequence[FileScan], shown: Callable[[str], str]) -> list[dict[str, object]]:
    grouped: dict[str, list] = defaultdict(list)
    for result in scans:
        for imported in result.imports:
            grouped[imported.module].append(imported)
    rows = []
    for module, found in grouped.items():
        entry = found[0].counterpart
        rows.append({"module": module, "status": entry.status, "counterpart": entry.counterpart, "note": entry.note,
                     "source": entry.source, "files": sorted({shown(item.path) for item in found})})
    order = {"none": 0, "unknown": 1, "partial": 2, "available": 3}
    return sorted(rows, key=lambda row: (order[row["status"]], -len(row["files"]), row["module"]))


def scanned_base(scans: Sequence[FileScan]) -> str:
    """The folder report paths are relative to: the parent of the folder every scanned file is in, so that each path
    starts with the scanned folder's name (``models/detection/ssd.py`` for ``torchvision/models``)."""
    folders = {os.path.dirname(os.path.abspath(result.path)) for result in scans}
    return os.path.dirname(os.path.commonpath(sorted(folders))) if folders else os.getcwd()


def _folders(scans: Sequence[FileScan], shown: Callable[[str], str]) -> list[dict[str, object]]:
    """Effort per folder (each file's folder), most effort first."""
    grouped: dict[str, list[FileScan]] = defaultdict(list)
    for result in scans:
        if result.uses or result.risks:
            folder = posixpath.dirname(shown(result.path))
            grouped[f"{folder}/" if folder else "./"].append(result)
    rows = [{"folder": folder, "effort": _effort([u for r in results for u in r.uses], [k for r in results for k in r.risks]),
             "files": len(results), "uses": sum(len(r.uses) for r in results), "risks": sum(len(r.risks) for r in results)}
            for folder, results in grouped.items()]
    return sorted(rows, key=lambda row: (-row["effort"], row["folder"]))


def current_route(scans: Sequence[FileScan], options: Options, base: str) -> dict[str, object]:
    """The route the scanned code takes today: the ``route`` setting, else what its imports say."""
    if options.route != "auto":
        found = CONFIGURED if options.route == "mindtorch" else CONFIGURED_NATIVE
    else:
        found = route_of_sources((os.path.relpath(result.path, base), _text(result.path)) for result in scans if result.error is None)
    return {"route": found.name, "torch_is_layer": found.torch_is_layer, "reason": found.reason}


def _text(path: str) -> str:
    """A file's source (a notebook's: its code cells joined)."""
    try:
        if is_notebook(path):
            return NotebookSource.read(Path(path).read_bytes()).text
        return Path(path).read_text(encoding="utf-8", errors="replace")
    except (OSError, NotebookError):
        return ""


def report(scans: Sequence[FileScan], options: Options) -> dict[str, object]:
    """The whole report as JSON-ready data (the ``--format json`` output, documented in docs/readiness.md); paths
    are relative to ``scanned_base``."""
    base = scanned_base(scans)

    def shown(path: str) -> str:
        return os.path.relpath(os.path.abspath(path), base).replace("\\", "/")

    def location(item: Use | Risk | mindtorch.LayerLimit) -> dict[str, object]:
        """Where an item is: in a notebook, its cell and the line and column in it."""
        source = source_of(item.path) if is_notebook(item.path) else None
        if isinstance(source, NotebookSource) and source.cells:
            place = source.position(item.line, item.column)
            return {"path": shown(item.path), "cell": place.cell, "line": place.line, "column": place.column + 1}
        return {"path": shown(item.path), "line": item.line, "column": item.column + 1}

    uses = [use for result in scans for use in result.uses]
    risks = [risk for result in scans for risk in result.risks]
    limits = [limit for result in scans for limit in result.limits]
    files = [
        {"path": shown(result.path), "framework": result.framework, "uses": len(result.uses),
         "by_status": _by_status(result.uses), "risks": _by_kind(result.risks), "effort": _effort(result.uses, result.risks),
         "mechanical_share": mechanical_share(result.uses, result.risks), "error": result.error}
        for result in scans
    ]
    share, effort = mechanical_share(uses, risks), _effort(uses, risks)
    routes = mindtorch.route_report(uses, limits, effort, current_route(scans, options, base), options.mindspore_version, location)
    return {
        "format": FORMAT,
        "tool": f"mslint {MSLINT_VERSION}",
        "base": base,
        "options": {"target": options.target, "jit_syntax_level": options.level, "mindspore_version": options.mindspore_version,
                    "route": options.route},
        "summary": {
            "files": len(scans),
            "files_using_torch": sum(1 for result in scans if result.uses),
            "uses": len(uses),
            "by_status": _by_status(uses),
            "tensorflow_by_mapping": by_mapping_status(uses),
            "risks": _by_kind(risks),
            "effort": effort,
            **hours(effort),
            "mechanical_share": 100.0 if share is None else share,
        },
        "routes": routes,
        "weights": {"changes": WEIGHTS, "risks": RISK_WEIGHTS, "tensor_likelihood": TENSOR_LIKELIHOOD,
                    "overrides": {api: {"change": row.change, "reason": row.reason} for api, row in OVERRIDES.items()},
                    "mindtorch": mindtorch.LAYER_WEIGHTS, "mindtorch_limits": {**mindtorch.LIMIT_WEIGHTS, "constraint": mindtorch.CONSTRAINT_WEIGHT},
                    "hours_per_unit": HOURS_PER_UNIT, "hours_per_day": HOURS_PER_DAY, "basis": UNIT_BASIS},
        "blockers": blockers(uses, risks, location),
        "folders": _folders(scans, shown),
        "third_party": _third_party(scans, shown),
        "files": files,
        "apis": _apis(uses),
        "uses": [{**location(use), "api": use.api, "status": use.status, "kind": use.kind, "change": change_of(use),
                  "effort": use_effort(use), "ms": use.ms, "what": use.what, "doc": use.doc, "mindtorch": use.layer or None,
                  "mindtorch_note": use.layer_note or None} for use in uses],
        "risks": [{**location(risk), "kind": risk.kind, "symbol": risk.symbol, "effort": risk_effort(risk), "message": risk.message,
                   "doc": risk.doc} for risk in risks],
        "limits": [{**location(limit), "kind": limit.kind, "code": limit.code, "effort": mindtorch.limit_effort(limit),
                    "what": limit.what, "doc": limit.doc} for limit in limits],
    }
