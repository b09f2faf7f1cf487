"""Shared test helpers (imported as ``helpers``: ``conftest`` names clash between test folders)."""

from __future__ import annotations

import os
from pathlib import Path

from mslint.catalog import Family, Rule
from mslint.cli import lint
from mslint.findings import Finding

os.environ.setdefault("GLOG_v", "3")

ROOT = Path(__file__).resolve().parent.parent
CARDS = ROOT / "mslint" / "cards"


def version_for(rule: Rule) -> str:
    """A MindSpore version the rule applies to: 2.10 when it does, else its lower bound."""
    return "2.10" if rule.applies_to_version("2.10") else rule.min_version if rule.min_version != "1.0" else "1.10"


def card_options(rule: Rule) -> dict[str, str]:
    """Settings under which a rule's card is linted."""
    options = {"mindspore_version": version_for(rule)}
    if rule.profile != "default":
        options["profile"] = rule.profile
    if rule.targets:
        options["target"] = sorted(rule.targets)[0]
    if not rule.default_enabled:
        options["select"] = rule.symbol
    if rule.levels:
        options["jit_syntax_level"] = sorted(rule.levels)[0]
    if rule.family is Family.GRAPH:
        options["graph_mode"] = "always"  # cards are library code: they never call set_context themselves
    return options


def lint_file(path: Path, **options: str) -> list[Finding]:
    return [finding for finding in lint([str(path)], **options) if finding.is_mslint]


