"""Checks every SARIF log the suite produces: the upload action's schema and GitHub code scanning's limits."""

from __future__ import annotations

import gzip
import json
import re
from functools import cache
from pathlib import Path
from urllib.parse import unquote, urlparse

import jsonschema

SCHEMA = Path(__file__).parent / "data" / "codeql-action-sarif-schema-2.1.0.json"
MAX_RUNS, MAX_RESULTS, MAX_RULES, MAX_TAGS, MAX_LOCATIONS = 20, 25_000, 25_000, 20, 1000
MAX_TEXT, MAX_NAME, MAX_GZIP = 1024, 255, 10 * 1024 * 1024
FINGERPRINT = re.compile(r"[0-9a-f]{1,16}:[1-9][0-9]*")


@cache
def _validator() -> jsonschema.protocols.Validator:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def github_problems(log: dict) -> list[str]:
    """What GitHub code scanning would reject, truncate or show badly in a log (the schema aside)."""
    problems: list[str] = []
    check = lambda ok, text: ok or problems.append(text)  # noqa: E731
    check(log.get("version") == "2.1.0", "version must be 2.1.0")
    check(str(log.get("$schema", "")).endswith("2.1.0.json"), "$schema must name the final 2.1.0 schema")
    runs = log.get("runs", [])
    check(0 < len(runs) <= MAX_RUNS, "runs: 1..20")
    keys = [(run["tool"]["driver"]["name"], run.get("automationDetails", {}).get("id")) for run in runs]
    check(len(set(keys)) == len(keys), "one run per tool and category")
    for run in runs:
        rules, results = run["tool"]["driver"].get("rules", []), run.get("results")
        check(isinstance(results, list), "run.results must be an array")
        results = results or []
        check(len(results) <= MAX_RESULTS and len(rules) <= MAX_RULES, "too many results or rules")
        check(not results or run.get("columnKind") == "utf16CodeUnits", "columnKind utf16CodeUnits")
        ids = [rule["id"] for rule in rules]
        check(len(set(ids)) == len(ids), "rule ids must be unique")
        for rule in rules:
            for key in ("shortDescription", "fullDescription", "help"):
                text = rule.get(key, {}).get("text", "")
                check(0 < len(text) and (key == "help" or len(text) <= MAX_TEXT), f"{rule['id']}: {key}.text")
            check(0 < len(rule.get("name", "")) <= MAX_NAME, f"{rule['id']}: name")
            check(len(rule.get("properties", {}).get("tags", [])) <= MAX_TAGS, f"{rule['id']}: tags")
            check(rule["defaultConfiguration"]["level"] in ("note", "warning", "error"), f"{rule['id']}: level")
        bases = run.get("originalUriBaseIds", {})
        for base in bases.values():
            check(base["uri"].startswith("file:///") and base["uri"].endswith("/"), "base URIs: file:, end with /")
        for result in results:
            where = f"result {result.get('ruleId')}"
            check(ids[result["ruleIndex"]] == result["ruleId"], f"{where}: ruleIndex")
            check(result.get("level") in ("note", "warning", "error"), f"{where}: level")
            check(bool(result["message"].get("text")), f"{where}: message.text")
            locations = result.get("locations", [])
            check(1 <= len(locations) <= MAX_LOCATIONS, f"{where}: locations")
            check(
                bool(FINGERPRINT.fullmatch(result.get("partialFingerprints", {}).get("primaryLocationLineHash", ""))),
                f"{where}: primaryLocationLineHash",
            )
            for location in locations:
                physical = location["physicalLocation"]
                problems += _artifact_problems(physical["artifactLocation"], bases, where)
                problems += _region_problems(physical["region"], where)
            for fix in result.get("fixes", []):
                for change in fix["artifactChanges"]:
                    check(change["artifactLocation"] == locations[0]["physicalLocation"]["artifactLocation"], f"{where}: fix location")
                    for replacement in change["replacements"]:
                        problems += _region_problems(replacement["deletedRegion"], f"{where} fix")
                        check(isinstance(replacement["insertedContent"].get("text"), str), f"{where}: insertedContent.text")
    check(len(gzip.compress(json.dumps(log).encode())) <= MAX_GZIP, "gzip size over 10 MB")
    return problems


def _artifact_problems(location: dict, bases: dict, where: str) -> list[str]:
    uri = location["uri"]
    parsed = urlparse(uri)
    if parsed.scheme:
        return [] if parsed.scheme == "file" and "uriBaseId" not in location else [f"{where}: absolute URI {uri}"]
    problems = []
    if location.get("uriBaseId") not in bases:
        problems.append(f"{where}: relative URI without a known uriBaseId")
    path = unquote(uri)
    if "\\" in uri or uri.startswith("/") or ".." in path.split("/") or " " in uri:
        problems.append(f"{where}: URI {uri!r} is not a clean relative, percent-encoded '/' path")
    return problems


def _region_problems(region: dict, where: str) -> list[str]:
    start = (region.get("startLine", 0), region.get("startColumn", 1))
    end = (region.get("endLine", start[0]), region.get("endColumn", start[1]))
    if start[0] < 1 or start[1] < 1 or end < start:
        return [f"{where}: bad region {region}"]
    return []


def assert_valid_sarif(log: dict | str | Path) -> dict:
    """Validate a log (data, JSON text or file) against the schema and GitHub's limits; return the data."""
    if isinstance(log, Path):
        log = log.read_text(encoding="utf-8")
    if isinstance(log, str):
        log = json.loads(log)
    errors = [f"{'/'.join(map(str, error.absolute_path))}: {error.message}" for error in _validator().iter_errors(log)]
    assert not errors, errors
    problems = github_problems(log)
    assert not problems, problems
    return log
