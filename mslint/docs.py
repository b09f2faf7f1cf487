"""Documentation generated from the rule catalogue: rule pages, the rule table, ``mslint rules``."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

from mslint.catalog import Oracle, Rule, all_rules, find_rule
from mslint.fixes import Applicability
from mslint.graph_facts import GRAPH_FACTS, NOT_FLAGGED

MARKER = re.compile(r"[ \t]*# \[(ms-[a-z0-9-]+(?:, ms-[a-z0-9-]+)*)\][ \t]*$", re.MULTILINE)
TABLE_START, TABLE_END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"
GRAPH_TABLE = ("<!-- graph-rules:start -->", "<!-- graph-rules:end -->")
NOT_FLAGGED_TABLE = ("<!-- not-flagged:start -->", "<!-- not-flagged:end -->")
GENERATED = "<!-- Generated from the rule catalogue by `python scripts/gen_docs.py`; do not edit. -->"


def strip_markers(text: str) -> str:
    """Card source without the ``# [symbol]`` markers."""
    return MARKER.sub("", text)


def markers(text: str) -> set[tuple[int, str]]:
    """(line, symbol) pairs a card marks."""
    found = set()
    for number, line in enumerate(text.splitlines(), start=1):
        match = MARKER.search(line)
        if match:
            found.update((number, symbol) for symbol in match.group(1).split(", "))
    return found


def _card(rule: Rule, name: str) -> str | None:
    path = rule.card_file(name)
    return strip_markers(path.read_text(encoding="utf-8")) if path else None


def _versions(rule: Rule) -> str:
    return f">= {rule.min_version}" + (f", < {rule.max_version}" if rule.max_version else "")


def _fix_line(rule: Rule) -> str:
    if rule.fix is None:
        return "no fix"
    return {Applicability.SAFE: "safe fix", Applicability.UNSAFE: "unsafe fix", Applicability.DISPLAY_ONLY: "suggestion only"}[rule.fix]


def _verification(rule: Rule) -> str:
    where = "MindSpore 2.10" + (f" GRAPH_MODE at {', '.join(sorted(rule.levels))}" if rule.levels else "")
    if rule.oracle is Oracle.RAISES:
        return f"Verified on {where}: the example below raises `{rule.oracle_detail}`; the rewrite runs."
    if rule.oracle is Oracle.DIVERGES:
        return f"Verified on {where}: the example below runs but computes something else than the rewrite."
    if rule.oracle is Oracle.SLOW:
        return f"Verified on {where}: the example below compiles and agrees with the rewrite, but takes a slow or dynamic path."
    return f"Not observable on MindSpore 2.10 CPU ({rule.oracle_detail})." if rule.oracle_detail else ""


def rule_page(rule: Rule) -> str:
    """A rule's Markdown page, with Ruff's sections."""
    return f"{GENERATED}\n{rule_markdown(rule)}"


def rule_markdown(rule: Rule) -> str:
    """A rule's documentation in Markdown (its page without the generated-file note; SARIF help)."""
    lines = [
        f"# {rule.symbol} ({rule.msgid})",
        "",
        f"Family: {rule.family.title} · Category: {rule.category} · MindSpore {_versions(rule)} · "
        f"Profile: {rule.profile} · {_fix_line(rule)}" + ("" if rule.default_enabled else " · off by default"),
        "",
        rule.summary,
        "",
        "## What it does",
        "",
        rule.what,
        "",
        "## Why is this bad?",
        "",
        rule.why,
        "",
    ]
    if rule.levels:
        lines += [f"Applies at jit_syntax_level: {', '.join(sorted(rule.levels))}.", ""]
    if rule.targets:
        lines += [f"Applies when the target is: {', '.join(sorted(rule.targets))}.", ""]
    verification = _verification(rule)
    if verification:
        lines += [verification, ""]
    bad, good, fixed = _card(rule, "bad.py"), _card(rule, "good.py"), _card(rule, "fixed.py")
    if bad:
        lines += ["## Example", "", "```python", bad.rstrip(), "```", ""]
    if good:
        lines += ["Use instead:", "", "```python", good.rstrip(), "```", ""]
    if bad and fixed:
        diff = difflib.unified_diff(bad.splitlines(), fixed.splitlines(), "bad.py", "fixed.py", lineterm="")
        lines += ["## Fix", "", "```diff", *diff, "```", ""]
    if rule.fix is not None:
        lines += ["## Fix safety", "", rule.fix_safety, ""]
    if rule.references:
        lines += ["## References", "", *(f"- <{reference}>" for reference in rule.references), ""]
    return "\n".join(lines)


def rules_table() -> str:
    """The Markdown table of all rules (README, docs/rules/README.md, ``mslint rules``)."""
    rows = ["| id | symbol | family | summary | fix | MindSpore |", "|---|---|---|---|---|---|"]
    for rule in all_rules():
        off = " (off by default)" if not rule.default_enabled else ""
        rows.append(
            f"| {rule.msgid} | [{rule.symbol}](docs/rules/{rule.symbol}.md) | {rule.family.title} | "
            f"{rule.summary}{off} | {_fix_line(rule)} | {_versions(rule)} |"
        )
    return "\n".join(rows) + "\n"


def rules_json() -> str:
    data = [
        {
            "msgid": rule.msgid,
            "symbol": rule.symbol,
            "family": rule.family.title,
            "category": rule.category,
            "summary": rule.summary,
            "fix": rule.fix.value if rule.fix else None,
            "min_version": rule.min_version,
            "max_version": rule.max_version,
            "profile": rule.profile,
            "targets": sorted(rule.targets),
            "levels": sorted(rule.levels),
            "default_enabled": rule.default_enabled,
            "doc": rule.doc_url,
        }
        for rule in all_rules()
    ]
    return json.dumps(data, indent=2) + "\n"


def graph_rules_table() -> str:
    """The rule table of docs/graph_mode.md, from the graph facts and their ids in the code table."""
    rows = [
        "| symbol | kind | levels | construct | raises (compile-error) | verified | mslint id |",
        "|---|---|---|---|---|---|---|",
    ]
    for fact in GRAPH_FACTS:
        levels = ", ".join(level for level in ("strict", "compatible", "lax") if level in fact.levels)
        raises = ", ".join(sorted(set(fact.raises.values()))) or "-"
        rows.append(
            f"| `{fact.symbol}` | {fact.kind} | {levels} | {fact.construct} | {raises} | {fact.verified_on} | "
            f"{find_rule(fact.symbol).msgid} |"
        )
    return "\n".join(rows) + "\n"


def not_flagged_table() -> str:
    """The "Not flagged" table of docs/graph_mode.md."""
    rows = ["| construct | probe | note |", "|---|---|---|"]
    rows += [f"| {entry.construct} | {entry.probe} | {entry.note} |" for entry in NOT_FLAGGED]
    return "\n".join(rows) + "\n"


def _between(text: str, markers: tuple[str, str], content: str) -> str:
    """``text`` with the part between the two marker comments replaced by ``content``."""
    start, end = text.index(markers[0]) + len(markers[0]), text.index(markers[1])
    return text[:start] + "\n" + content + text[end:]


def generated_files(root: Path) -> dict[Path, str]:
    """Every generated documentation file and its expected content."""
    files = {root / "docs" / "rules" / f"{rule.symbol}.md": rule_page(rule) for rule in all_rules()}
    files[root / "docs" / "rules" / "README.md"] = f"{GENERATED}\n# Rules\n\n{rules_table().replace('](docs/rules/', '](')}"
    readme = root / "README.md"
    files[readme] = _between(readme.read_text(encoding="utf-8"), (TABLE_START, TABLE_END), rules_table())
    graph_mode = root / "docs" / "graph_mode.md"
    text = _between(graph_mode.read_text(encoding="utf-8"), GRAPH_TABLE, graph_rules_table())
    files[graph_mode] = _between(text, NOT_FLAGGED_TABLE, not_flagged_table())
    return files


def stale_files(root: Path) -> list[Path]:
    """Generated files that differ from the catalogue, plus rule pages no rule owns."""
    stale = [path for path, content in generated_files(root).items() if not path.is_file() or path.read_text(encoding="utf-8") != content]
    owned = set(generated_files(root))
    stale += [path for path in (root / "docs" / "rules").glob("*.md") if path not in owned]
    return stale


def write_docs(root: Path) -> None:
    for path, content in generated_files(root).items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(content, encoding="utf-8")
    owned = set(generated_files(root))
    for path in (root / "docs" / "rules").glob("*.md"):
        if path not in owned:
            path.unlink()
