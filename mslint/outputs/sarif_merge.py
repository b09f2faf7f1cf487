"""``mslint merge-sarif``: the SARIF logs of ``mslint check --shard I/N`` jobs as one log with one run.

GitHub code scanning no longer accepts several runs of one tool and category in an upload, and a second upload
for the same commit and category replaces the first: N shards make one log, uploaded once. The merged run is the
first log's run (tool, rule descriptors, URI base) with every log's results, each pointing at its rule in the
merged rule list, sorted by file, position and rule.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any


class MergeError(ValueError):
    """A file that is not one of mslint's SARIF logs, or logs that do not belong together."""


def _run_of(log: Any, name: str) -> dict[str, Any]:
    runs = log.get("runs") if isinstance(log, dict) else None
    if not isinstance(runs, list) or len(runs) != 1 or not isinstance(runs[0], dict):
        raise MergeError(f"{name}: not a SARIF log with one run")
    driver = runs[0].get("tool", {}).get("driver", {})
    if driver.get("name") != "mslint":
        raise MergeError(f"{name}: a run of {driver.get('name')!r}, not of mslint")
    return runs[0]


def _position(result: dict[str, Any]) -> tuple[str, int, int, str]:
    location = (result.get("locations") or [{}])[0].get("physicalLocation", {})
    region = location.get("region", {})
    return (location.get("artifactLocation", {}).get("uri", ""), region.get("startLine", 0), region.get("startColumn", 0), result.get("ruleId", ""))


def merge_sarif(logs: list[tuple[str, Any]]) -> dict[str, Any]:
    """One log from ``(name, log)`` pairs written by ``mslint check --output-format sarif`` (the same mslint
    version and repository root)."""
    if not logs:
        raise MergeError("no SARIF file to merge")
    first_name, first = logs[0]
    merged = copy.deepcopy(first)
    run = _run_of(merged, first_name)
    driver = run["tool"]["driver"]
    rules: list[dict[str, Any]] = driver.setdefault("rules", [])
    index = {rule.get("id"): position for position, rule in enumerate(rules)}
    results: list[dict[str, Any]] = run.setdefault("results", [])
    for name, log in logs[1:]:
        other = _run_of(log, name)
        if other["tool"]["driver"].get("version") != driver.get("version"):
            raise MergeError(f"{name}: written by mslint {other['tool']['driver'].get('version')}, {first_name} by {driver.get('version')}")
        if other.get("originalUriBaseIds") != run.get("originalUriBaseIds"):
            raise MergeError(f"{name}: paths relative to another root than {first_name}'s (originalUriBaseIds)")
        other_rules = other["tool"]["driver"].get("rules", [])
        for result in other.get("results", []):
            rule_id = result.get("ruleId")
            if rule_id not in index:
                described = [rule for rule in other_rules if rule.get("id") == rule_id]
                rules.append(described[0] if described else {"id": rule_id})
                index[rule_id] = len(rules) - 1
            results.append({**result, "ruleIndex": index[rule_id]})
    results.sort(key=_position)
    return merged


def merge_sarif_files(paths: list[str]) -> str:
    """``merge_sarif`` of the files at ``paths``, as JSON text."""
    logs = []
    for path in paths:
        try:
            logs.append((path, json.loads(Path(path).read_bytes())))
        except (OSError, ValueError) as error:
            raise MergeError(f"{path}: {getattr(error, 'strerror', None) or error}") from error
    return json.dumps(merge_sarif(logs), indent=2, ensure_ascii=False) + "\n"
