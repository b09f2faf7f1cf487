"""Documentation generated from the rule catalogue: rule pages, the rule table, ``mslint rules``."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path

from mslint.core.edits import Applicability
from mslint.knowledge.ascend_constraints import (
    NOT_CHECKABLE,
    RULE_CLASSES,
    classification_of,
    constraints_by_api,
    load_statements,
)
from mslint.knowledge.graph_syntax import page_statements
from mslint.rules.catalog import Family, Oracle, Rule, all_rules, find_rule
from mslint.rules.graph import STATEMENT_CLASSES, statement_class
from mslint.rules.graph.facts import (
    COVERAGE_STATUSES,
    GRAPH_FACTS,
    NOT_FLAGGED,
    coverage,
)

MARKER = re.compile(r"[ \t]*# \[(ms-[a-z0-9-]+(?:, ms-[a-z0-9-]+)*)\][ \t]*$", re.MULTILINE)
TABLE_START, TABLE_END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"
ASCEND_TABLE = ("<!-- ascend-statements:start -->", "<!-- ascend-statements:end -->")
GRAPH_TABLE = ("<!-- graph-rules:start -->", "<!-- graph-rules:end -->")
NOT_FLAGGED_TABLE = ("<!-- not-flagged:start -->", "<!-- not-flagged:end -->")
COVERAGE_TABLE = ("<!-- graph-coverage:start -->", "<!-- graph-coverage:end -->")
STATEMENTS_TABLE = ("<!-- graph-statements:start -->", "<!-- graph-statements:end -->")
# The docs pages that list a family's rules (between its markers).
FAMILY_PAGES = {"porting.md": Family.PORTING, "ascend.md": Family.ASCEND, "tensorflow.md": Family.TENSORFLOW,
                "mindtorch.md": Family.MINDTORCH}
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
    return rule.fix_label


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
        lines += ["## Fix safety", "", f"{rule.fix_label[0].upper()}{rule.fix_label[1:]}. {rule.fix_safety}", ""]
    if rule.references:
        lines += ["## References", "", *(f"- <{reference}>" for reference in rule.references), ""]
    return "\n".join(lines)


def rule_text(rule: Rule) -> str:
    """A rule's page for a terminal: headings underlined, code blocks indented, no Markdown fences."""
    lines, in_code = [], False
    for line in rule_markdown(rule).splitlines():
        if line.startswith("```"):
            in_code = not in_code
            continue
        if in_code:
            lines.append(f"    {line}" if line else "")
        elif line.startswith("#"):
            title = line.lstrip("#").strip()
            lines += [title, ("=" if line.startswith("# ") else "-") * len(title)]
        else:
            lines.append(line.replace("- <", "- ").rstrip(">") if line.startswith("- <") else line)
    return "\n".join(lines) + "\n"


def rules_text() -> str:
    """``mslint rules``: one aligned line per rule (id, symbol, fix, summary)."""
    rules = all_rules()
    width = max(len(rule.symbol) for rule in rules)
    fixes = {Applicability.SAFE: "[*]", Applicability.UNSAFE: "[-]", Applicability.DISPLAY_ONLY: "   ", None: "   "}
    mark = {rule.symbol: "[~]" if rule.fix is Applicability.SAFE and rule.fix_also is Applicability.UNSAFE else fixes[rule.fix] for rule in rules}
    lines = [
        f"{rule.msgid}  {rule.symbol:<{width}}  {mark[rule.symbol]}  {rule.summary}{'' if rule.default_enabled else ' (off by default)'}"
        for rule in rules
    ]
    legend = (
        "[*] safe fix, [-] unsafe fix (mslint fix --unsafe-fixes), [~] safe or unsafe by finding (each finding shows "
        "its own). Details: mslint explain <id or symbol>."
    )
    return "\n".join([*lines, "", legend]) + "\n"


def rules_table(family: Family | None = None, link_base: str = "docs/rules/") -> str:
    """The Markdown table of all rules, or of one family's (README, docs/rules/README.md, ``mslint rules``, the
    family pages)."""
    rows = ["| id | symbol | family | summary | fix | MindSpore |", "|---|---|---|---|---|---|"]
    for rule in (rule for rule in all_rules() if family in (None, rule.family)):
        off = " (off by default)" if not rule.default_enabled else ""
        rows.append(
            f"| {rule.msgid} | [{rule.symbol}]({link_base}{rule.symbol}.md) | {rule.family.title} | "
            f"{rule.summary}{off} | {_fix_line(rule)} | {_versions(rule)} |"
        )
    return "\n".join(rows) + "\n"


def rules_json() -> str:
    data = [
        {
            "msg_id": rule.msgid,
            "symbol": rule.symbol,
            "family": rule.family.title,
            "category": rule.category,
            "summary": rule.summary,
            "fix": rule.fix.value if rule.fix else None,
            "fix_also": rule.fix_also.value if rule.fix_also else None,
            "fix_label": rule.fix_label,
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


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return text.replace("|", "\\|").replace("\n", " ")


def graph_rules_table() -> str:
    """The rule table of docs/graph_mode.md, from the graph facts and their ids in the code table."""
    rows = [
        "| symbol | kind | levels | construct | raises (compile-error) | PyNative | verified | mslint id |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for fact in GRAPH_FACTS:
        levels = ", ".join(level for level in ("strict", "compatible", "lax") if level in fact.levels)
        raises = ", ".join(sorted(set(fact.raises.values()))) or "-"
        pynative = f"raises {fact.pynative_raises}" if fact.pynative_raises else "runs"
        rows.append(
            f"| `{fact.symbol}` | {fact.kind} | {levels} | {_cell(fact.construct)} | {raises} | {pynative} | "
            f"{fact.verified_on} | {find_rule(fact.symbol).msgid} |"
        )
    return "\n".join(rows) + "\n"


def not_flagged_table() -> str:
    """The "Not flagged" table of docs/graph_mode.md."""
    rows = ["| construct | probe | note |", "|---|---|---|"]
    rows += [f"| {_cell(entry.construct)} | {_cell(entry.probe)} | {_cell(entry.note)} |" for entry in NOT_FLAGGED]
    return "\n".join(rows) + "\n"


def graph_coverage_table() -> str:
    """Counts per source and status, then one row per reported error (mslint/knowledge/data/graph_coverage.toml)."""
    entries = coverage()
    sources = list(dict.fromkeys(entry.source for entry in entries))
    rows = ["| status | meaning | " + " | ".join(sources) + " |", "|---|---|" + "---|" * len(sources)]
    for status, meaning in COVERAGE_STATUSES.items():
        counts = [sum(e.count for e in entries if e.source == source and e.status == status) for source in sources]
        rows.append(f"| {status} | {meaning} | " + " | ".join(map(str, counts)) + " |")
    totals = [sum(e.count for e in entries if e.source == source) for source in sources]
    rows.append("| **total** | | " + " | ".join(map(str, totals)) + " |")
    rows += ["", "| source | entry | error | status | mslint rule / evidence | note |", "|---|---|---|---|---|---|"]
    for e in entries:
        answer = ", ".join(f"`{r.strip()}`" for r in e.rule.split(",")) if e.rule else ""
        answer = "; ".join(part for part in (answer, e.evidence) if part)
        rows.append(f"| {e.source} | {_cell(e.id)} | {_cell(e.error)} | {e.status} | {_cell(answer)} | {_cell(e.note)} |")
    return "\n".join(rows) + "\n"


def graph_statements_table() -> str:
    """Counts per class, then every statement of the static-graph syntax pages with its class (docs/graph_mode.md)."""
    classified = [(statement, *statement_class(statement)) for statement in page_statements()]
    rows = ["| class | meaning | statements |", "|---|---|---|"]
    rows += [f"| {klass} | {meaning} | {sum(1 for _, k, _ in classified if k == klass)} |" for klass, meaning in STATEMENT_CLASSES.items()]
    rows += ["", "| page | section | statement | class | rule / rows / reason |", "|---|---|---|---|---|"]
    for statement, klass, rules in classified:
        answer = ", ".join(f"`{rule}`" for rule in rules) if rules else ", ".join(f"`{row}`" for row in statement.rows)
        answer = answer or statement.not_checkable
        rows.append(f"| {statement.page} | {_cell(statement.section)} | {_cell(statement.text)} | {klass} | {_cell(answer)} |")
    return "\n".join(rows) + "\n"


def family_markers(family: Family) -> tuple[str, str]:
    return (f"<!-- rules:{family.package}:start -->", f"<!-- rules:{family.package}:end -->")


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
    text = _between(text, NOT_FLAGGED_TABLE, not_flagged_table())
    text = _between(text, STATEMENTS_TABLE, graph_statements_table())
    files[graph_mode] = _between(text, COVERAGE_TABLE, graph_coverage_table())
    ascend = root / "docs" / "ascend.md"
    files[ascend] = _between(ascend.read_text(encoding="utf-8"), ASCEND_TABLE, ascend_statements_markdown())
    for name, family in FAMILY_PAGES.items():
        page = root / "docs" / name
        files[page] = _between(files.get(page) or page.read_text(encoding="utf-8"), family_markers(family), rules_table(family, "rules/"))
    return files


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def ascend_statements_markdown() -> str:
    """Counts by class and the table of every Ascend statement with its classification (docs/ascend.md)."""
    rows = [(statement, classification_of(statement)) for statement in load_statements()]
    classes = [*RULE_CLASSES, NOT_CHECKABLE]
    lines = [
        f"{GENERATED.replace('the rule catalogue', 'mslint/knowledge/data/ascend_statements.json and ascend_classification.toml')}",
        "",
        f"{len(rows)} statements ({len({s.text for s, _ in rows})} distinct texts) on {len({s.api for s, _ in rows})} APIs. "
        f"{sum(1 for _, c in rows if c.klass in RULE_CLASSES)} are rule conditions; they constrain "
        f"{len(constraints_by_api())} APIs (statements extended to other APIs with `also` included).",
        "",
        "| class | statements | reason or rule |",
        "|---|---|---|",
    ]
    for klass in classes:
        chosen = [c for _, c in rows if c.klass == klass]
        detail: dict[str, int] = {}
        for entry in chosen:
            label = entry.reason if klass == NOT_CHECKABLE else entry.rule
            detail[label or ""] = detail.get(label or "", 0) + 1
        shown = ", ".join(f"{label} {count}" for label, count in sorted(detail.items(), key=lambda kv: (-kv[1], kv[0])))
        lines.append(f"| {klass} | {len(chosen)} | {shown} |")
    lines += ["", "| API | statement | class | rule / reason |", "|---|---|---|---|"]
    order = {klass: index for index, klass in enumerate(classes)}
    for statement, entry in sorted(rows, key=lambda row: (order[row[1].klass], row[0].api, row[0].key)):
        outcome = f"`{entry.rule}`" if entry.klass in RULE_CLASSES else entry.reason or ""
        if entry.klass == NOT_CHECKABLE and entry.rule:
            outcome += f" (`{entry.rule}`)"
        if entry.note:
            outcome += f": {_cell(entry.note)}"
        lines.append(f"| `{statement.api.removeprefix('mindspore.')}` | {_cell(statement.text)} | {entry.klass} | {outcome} |")
    return "\n".join(lines) + "\n"


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
