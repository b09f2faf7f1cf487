"""The catalogue is consistent and does not clash with pylint or its bundled extensions."""

from __future__ import annotations

import re

from helpers import ROOT
from pylint import checkers, extensions
from pylint.lint import PyLinter

from mslint.core.settings import OPTIONS
from mslint.outputs.docs import stale_files
from mslint.rules import ALL_CHECKERS
from mslint.rules.catalog import Family, all_rules

RULES = all_rules()


def test_ids_and_symbols_are_unique_and_namespaced():
    assert len({rule.msgid for rule in RULES}) == len(RULES)
    assert len({rule.symbol for rule in RULES}) == len(RULES)
    assert len({rule.msgid[1:] for rule in RULES}) == len(RULES), "a number is used with two letters"
    for rule in RULES:
        assert re.fullmatch(r"[CRWEFI](72|73|74|75|76|77)\d\d", rule.msgid), rule.msgid
        assert re.fullmatch(r"ms-[a-z0-9]+(-[a-z0-9]+)*", rule.symbol), rule.symbol


def test_each_checker_holds_one_family():
    for checker in ALL_CHECKERS:
        assert len({rule.family for rule in checker.rules}) == 1, checker


def test_rules_document_themselves():
    for rule in RULES:
        assert rule.what and rule.why and rule.summary, rule.symbol
        assert (rule.fix is None) == (not rule.fix_safety), rule.symbol


def _pylint_with_everything() -> PyLinter:
    linter = PyLinter()
    checkers.initialize(linter)
    extensions.initialize(linter)
    return linter


def test_no_clash_with_pylint_core_and_bundled_extensions():
    linter = _pylint_with_everything()
    taken_ids = {definition.msgid[1:3] for definition in linter.msgs_store.messages}
    assert not taken_ids & ({family.value for family in Family} | {"75"})
    symbols = {definition.symbol for definition in linter.msgs_store.messages}
    assert not symbols & {rule.symbol for rule in RULES}
    option_names = {name for checker in linter.get_checkers() for name, _ in checker.options}
    assert not option_names & {spec.option for spec in OPTIONS}
    linter.load_plugin_modules(["mslint"])  # registering next to all of them raises on any clash
    assert {rule.symbol for rule in RULES} <= {d.symbol for d in linter.msgs_store.messages}


def test_generated_docs_are_up_to_date():
    assert stale_files(ROOT) == [], "run: python scripts/gen_docs.py"


def test_the_package_version_is_pyproject_s():
    import mslint
    from mslint.core.tomlcompat import tomllib

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert mslint.__version__ == project["version"]


def test_every_docs_table_that_lists_rules_is_generated():
    """A table row naming a rule id in the docs lies between generated markers (scripts/gen_docs.py writes it)."""
    import re

    hand_kept = []
    for page in [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]:
        inside = False
        for number, line in enumerate(page.read_text(encoding="utf-8").splitlines(), 1):
            if re.match(r"<!-- [\w:-]+:start -->", line):
                inside = True
            elif re.match(r"<!-- [\w:-]+:end -->", line):
                inside = False
            elif not inside and re.match(r"\|\s*[CRWEFI]7\d{3}\s*\|", line):
                hand_kept.append(f"{page.name}:{number}")
    assert hand_kept == []
