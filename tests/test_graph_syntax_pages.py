"""Every statement of the static-graph syntax pages is classified, and graph_syntax.json agrees with the list.

mslint/knowledge/data/graph_syntax_pages.toml lists each support statement of MindSpore's graph syntax pages
with the rows of graph_syntax.json that test it, or why no probe can. No framework is needed here; the
verdicts themselves are checked by tests/oracle/test_graph_syntax_data.py.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
from pathlib import Path

from mslint.core.tomlcompat import tomllib

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "mslint" / "knowledge" / "data"
PAGES = tomllib.loads((DATA / "graph_syntax_pages.toml").read_text(encoding="utf-8"))
SYNTAX = json.loads((DATA / "graph_syntax.json").read_text(encoding="utf-8"))
LEVELS = ("STRICT", "LAX")
SAYS = {"supported", "unsupported", "differs", "silent"}
VERDICT = re.compile(r"ok|(compile|runtime)-error: \w+|graph-only: PyNative raises \w+|differs: .+|crash: .+")


def rows() -> dict[str, dict]:
    return {row_id: entry for version in SYNTAX["versions"].values() for table in version["tables"].values()
            for row_id, entry in table.items()}


def valid_says(says) -> bool:
    if isinstance(says, str):
        return says in SAYS
    return isinstance(says, dict) and set(says) == set(LEVELS) and set(says.values()) <= SAYS


def test_every_statement_is_classified():
    unclassified = [statement["key"] for statement in PAGES["statement"]
                    if bool(statement.get("rows")) == bool(statement.get("not_checkable", "").strip())]
    assert unclassified == [], "give each of these rows = [...] or not_checkable = '<reason>'"


def test_statements_are_well_formed():
    keys = [statement["key"] for statement in PAGES["statement"]]
    assert len(keys) == len(set(keys))
    for statement in PAGES["statement"]:
        assert statement["page"] in PAGES["pages"], statement["key"]
        digest = hashlib.sha1(" ".join(statement["text"].split()).encode("utf-8")).hexdigest()[:10]
        assert statement["key"] == f"{statement['page']}#{digest}", "key and text disagree"
        assert statement["section"].strip(), statement["key"]
        assert valid_says(statement["says"]), statement["key"]
        if statement.get("rows"):
            assert statement["says"] != "silent", f"{statement['key']}: rows test a fact, say which"
        if "contrary_rows" in statement:
            assert statement.get("rows") and valid_says(statement["contrary_says"]), statement["key"]


def test_statement_rows_exist():
    known = rows()
    named = {row_id for statement in PAGES["statement"]
             for row_id in statement.get("rows", []) + statement.get("contrary_rows", [])}
    assert sorted(named - set(known)) == []


def test_rows_cite_current_statements_and_valid_verdicts():
    keys = {statement["key"] for statement in PAGES["statement"]}
    for row_id, entry in rows().items():
        assert {doc["statement"] for doc in entry.get("docs", [])} <= keys, row_id
        assert set(entry["verdict"]) == set(LEVELS), row_id
        assert all(VERDICT.fullmatch(verdict) for verdict in entry["verdict"].values()), (row_id, entry["verdict"])
        assert set(entry["documented"].values()) <= SAYS | {"contradictory"}, row_id


def test_pages_name_one_commit_and_their_urls():
    assert re.fullmatch(r"[0-9a-f]{40}", PAGES["docs"]["commit"])
    for name, page in PAGES["pages"].items():
        assert page["url"].startswith("https://www.mindspore.cn/") and page["source"].endswith(".md"), name


def test_readme_counts_are_current():
    sys.path.insert(0, str(ROOT / "scripts"))
    from gen_graph_syntax import summary_table  # pylint: disable=import-outside-toplevel

    readme = (DATA / "README_graph_syntax.md").read_text(encoding="utf-8")
    counts = readme.split("<!-- counts -->\n")[1].split("\n<!-- /counts -->")[0]
    assert counts == summary_table(SYNTAX["versions"]["2.10"]), "copy the table gen_graph_syntax.py prints"
    statements = PAGES["statement"]
    tested = sum(bool(statement.get("rows")) for statement in statements)
    assert f"{len(statements)} statements" in readme and f"{tested} tested by rows" in readme
