"""``mslint readiness --baseline FILE``: what changed since a previous JSON report (uses fixed, new uses, effort left).

Uses are matched by file and API, not by line (an edit above a use moves it): the baseline's count of ``(path, api)``
less today's is what was fixed, today's less the baseline's is new. Paths in both reports are relative to the folder
above the scanned one (``score.scanned_base``), so the project may have moved in between.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

TOP_APIS = 10


class BaselineError(ValueError):
    """A baseline that cannot be compared: unreadable, not JSON, not a readiness report of this format."""


def read_baseline(path: str, report_format: int) -> dict[str, Any]:
    """A previous ``mslint readiness --format json`` report; ``BaselineError`` saying why it cannot be used."""
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except OSError as error:
        raise BaselineError(f"--baseline {path}: {error.strerror or error}") from error
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as error:
        raise BaselineError(f"--baseline {path}: not a JSON readiness report (mslint readiness --format json)") from error
    if not isinstance(data, dict) or not isinstance(data.get("uses"), list) or "summary" not in data:
        raise BaselineError(f"--baseline {path}: not a readiness report (mslint readiness --format json)")
    if data.get("format") != report_format:
        raise BaselineError(f"--baseline {path}: a report of format {data.get('format')}, this mslint writes format {report_format}: "
                            "make the baseline again with this version")
    return data


def _uses(data: dict[str, Any]) -> Counter:
    return Counter((use["path"], use["api"]) for use in data["uses"] if isinstance(use, dict) and "path" in use and "api" in use)


def _by_api(counted: Counter) -> dict[str, int]:
    by_api = Counter()
    for (_, api), count in counted.items():
        by_api[api] += count
    return dict(sorted(by_api.items(), key=lambda item: (-item[1], item[0]))[:TOP_APIS])


def compare(data: dict[str, Any], baseline: dict[str, Any], path: str) -> dict[str, Any]:
    """The change from ``baseline`` to ``data`` (the report's ``baseline`` section)."""
    before, now = _uses(baseline), _uses(data)
    fixed, new = before - now, now - before
    effort_before, effort_now = baseline["summary"].get("effort", 0), data["summary"]["effort"]
    return {
        "file": path,
        "fixed": sum(fixed.values()),
        "new": sum(new.values()),
        "fixed_by_api": _by_api(fixed),
        "new_by_api": _by_api(new),
        "effort": {"before": effort_before, "now": effort_now, "change": round(effort_now - effort_before, 1)},
        "fixed_places": [{"path": file, "api": api, "count": count} for (file, api), count in sorted(fixed.items())],
        "new_places": [{"path": file, "api": api, "count": count} for (file, api), count in sorted(new.items())],
    }
