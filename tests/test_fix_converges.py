"""Fixes converge: one `mslint fix` run over every card and example reaches a fixed point, and a second run
changes nothing and reports nothing fixed."""

from __future__ import annotations

import shutil
from collections import defaultdict
from pathlib import Path

import helpers
import pytest
from helpers import CARDS, ROOT, card_settings

from mslint.rules.catalog import all_rules
from mslint.run import LintSettings
from mslint.run.fix import MAX_FIX_PASSES, fix_files


def _groups() -> dict[LintSettings, list[Path]]:
    """Card folders by the settings their rule's cards are linted under; the examples under the defaults."""
    groups: dict[LintSettings, list[Path]] = defaultdict(list)
    for rule in all_rules():
        groups[card_settings(rule)].append(CARDS / rule.symbol)
    groups[helpers.settings(mindspore_version="2.10")].extend(sorted((ROOT / "examples").glob("*.py")))
    return groups


GROUPS = _groups()


@pytest.mark.parametrize("unsafe", [False, True], ids=["safe", "unsafe"])
def test_a_second_fix_run_changes_nothing(tmp_path: Path, unsafe: bool) -> None:
    not_converged = {}
    for index, (lint_settings, sources) in enumerate(GROUPS.items()):
        folder = tmp_path / f"group{index}"
        for source in sources:
            if source.is_dir():
                for name in (*helpers.CARD_FILES, "fixed.py"):
                    if (source / name).exists():
                        (folder / source.name).mkdir(parents=True, exist_ok=True)
                        shutil.copyfile(source / name, folder / source.name / name)
            else:
                folder.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(source, folder / source.name)
        first = fix_files([str(folder)], lint_settings, unsafe)
        assert not first.problems, first.problems
        snapshot = {path: path.read_bytes() for path in folder.rglob("*.py")}
        second = fix_files([str(folder)], lint_settings, unsafe)
        changed = {path: path.read_bytes() for path in folder.rglob("*.py")} != snapshot
        if second.fixed or second.changed or changed:
            not_converged[str(lint_settings)] = sorted(str(path.relative_to(folder)) for path in second.changed)
    assert not not_converged, not_converged


NESTED_SUPER = """\
from mindspore import nn


class Outer(nn.Cell):
    def __init__(self):
        super(Outer, self).__init__()

        class Inner(nn.Cell):
            def __init__(self):
                super(Inner, self).__init__()
                self.relu = nn.ReLU()

            def construct(self, x):
                return self.relu(x)

        self.inner = Inner()

    def construct(self, x):
        return self.inner(x)
"""


def test_super_in_a_class_nested_in_a_cell_method_is_left_alone(tmp_path: Path) -> None:
    """It used to be reported against the outer class, and its fix flipped it back and forth every pass."""
    path = tmp_path / "nested.py"
    path.write_text(NESTED_SUPER)
    run = fix_files([str(path)], helpers.settings(mindspore_version="2.10"), True)
    assert (run.fixed, run.findings, path.read_text()) == (0, [], NESTED_SUPER)
    assert MAX_FIX_PASSES <= 10
