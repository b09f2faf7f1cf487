"""Shared test helpers (imported as ``helpers``: ``conftest`` names clash between test folders)."""

from __future__ import annotations

import importlib
import os
import sys
from collections import defaultdict
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from types import ModuleType

import pytest

from mslint.outputs.findings import Finding
from mslint.rules.catalog import Family, Rule, all_rules
from mslint.run import LintSettings, lint

os.environ.setdefault("GLOG_v", "3")

ROOT = Path(__file__).resolve().parent.parent
# The first Python a framework ships no wheel for: its tests skip there, in CI too (MindSpore 2.10: cp39-cp312).
NO_WHEEL_FROM = {"mindspore": (3, 13)}


class CardFolders:
    """The rule cards of every family (``mslint/rules/<family>/cards/<symbol>/``): ``CARDS / symbol`` is one."""

    families = ROOT / "mslint" / "rules"

    def __truediv__(self, symbol: str) -> Path:
        return next((folder for folder in self.iterdir() if folder.name == symbol), self.families / "unknown" / symbol)

    def iterdir(self) -> list[Path]:
        return sorted(path for path in self.families.glob("*/cards/*") if path.is_dir())

    def glob(self, pattern: str) -> list[Path]:
        return sorted(path for family in self.families.glob("*/cards") for path in family.glob(pattern))


CARDS = CardFolders()
CARD_FILES = ("bad.py", "good.py")


def require(module: str) -> ModuleType:
    """Import ``module`` (mindspore, torch) for a test that runs it. When it is not installed the test is skipped,
    or fails when CI=true: in CI a missing framework must not hide the tests that judge mslint's facts, except on
    a Python the framework has no wheel for (``NO_WHEEL_FROM``; docs/ci.md's support matrix).
    Usable at module level (a failure there is a collection error, which fails the run)."""
    try:
        return importlib.import_module(module)
    except ImportError:
        if sys.version_info >= NO_WHEEL_FROM.get(module, (99,)):
            pytest.skip(f"{module} has no wheel for Python {sys.version_info.major}.{sys.version_info.minor}", allow_module_level=True)
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{module} is required when CI=true (scripts/setup_and_test.sh installs it)", pytrace=False)
        pytest.skip(f"{module} is not installed", allow_module_level=True)


def symbols(findings: Iterable[Finding], prefix: str = "ms-") -> list[tuple[int, str]]:
    """(line, symbol) of the findings whose symbol starts with ``prefix``, sorted."""
    return sorted((finding.line, finding.symbol) for finding in findings if finding.symbol.startswith(prefix))


def pylint_arguments(settings: LintSettings) -> list[str]:
    """The ``--mslint-*`` arguments that give a plain pylint run these settings (the plugin's own options)."""
    return [f"--mslint-{key}={','.join(value) if isinstance(value, tuple) else value}" for key, value in settings.configuration().items()]


def settings(**options: str | int) -> LintSettings:
    """Lint settings from keyword options as the command line spells them (``select="ms-a,ms-b"``)."""
    lists = {key: tuple(part for part in str(options.pop(key)).split(",") if part) for key in ("select", "extend_select", "ignore", "patched_apis") if key in options}
    return LintSettings(**options, **lists)


def version_for(rule: Rule) -> str:
    """A MindSpore version the rule applies to: 2.10 when it does, else its lower bound."""
    return "2.10" if rule.applies_to_version("2.10") else rule.min_version if rule.min_version != "1.0" else "1.10"


def card_options(rule: Rule) -> dict[str, str]:
    """Settings under which a rule's card is linted, as command-line options."""
    options = {"mindspore_version": version_for(rule)}
    if rule.profile != "default":
        options["profile"] = rule.profile
    if rule.targets:
        options["target"] = sorted(rule.targets)[0]
    if not rule.default_enabled:
        options["extend_select"] = rule.symbol
    if rule.levels:
        options["jit_syntax_level"] = sorted(rule.levels)[0]
    if rule.family is Family.GRAPH:
        options["graph_mode"] = "always"  # cards are library code: they never call set_context themselves
    return options


def card_settings(rule: Rule) -> LintSettings:
    return settings(**card_options(rule))


def lint_file(path: Path, **options: str) -> list[Finding]:
    return [finding for finding in lint([str(path)], settings(**options)) if finding.is_mslint]


def card_findings(rule: Rule, name: str) -> list[Finding]:
    """The mslint findings of one card file (bad.py, good.py) under ``card_settings(rule)``; every card file
    sharing those settings is linted in the same single run, once per test session."""
    return _lint_cards(card_settings(rule))[(rule.symbol, name)]


@cache
def _lint_cards(lint_settings: LintSettings) -> dict[tuple[str, str], list[Finding]]:
    paths = {CARDS / rule.symbol / name: (rule.symbol, name) for rule in all_rules() if card_settings(rule) == lint_settings for name in CARD_FILES}
    found: dict[tuple[str, str], list[Finding]] = defaultdict(list)
    for finding in lint([str(path) for path in paths], lint_settings):
        if finding.is_mslint:
            found[paths[Path(finding.abspath)]].append(finding)
    return {key: found[key] for key in paths.values()}


def built_wheel(folder: Path) -> Path:
    """The wheel of this checkout, built into ``folder`` (no package index: the build backend is installed)."""
    import subprocess

    folder.mkdir(parents=True, exist_ok=True)
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(folder), str(ROOT)],
        capture_output=True, text=True, timeout=600, cwd=folder,
    )
    assert build.returncode == 0, build.stderr
    (wheel,) = folder.glob("mslint-*.whl")
    return wheel


def environment_without_mslint(folder: Path) -> Path:
    """A virtual environment that sees the running environment's packages (mslint's dependencies, pip) after its
    own, but not this checkout (an editable install's ``.pth`` is not read from there); returns its ``bin`` folder.
    Not ``system_site_packages``: from a venv, that gives the base interpreter's packages, not the venv's."""
    import sysconfig
    import venv

    venv.create(folder, with_pip=False)
    own = Path(sysconfig.get_path("purelib", vars={"base": str(folder), "platbase": str(folder)}))
    running = dict.fromkeys(sysconfig.get_path(name) for name in ("purelib", "platlib"))
    (own / "running_environment.pth").write_text("".join(f"{path}\n" for path in running), encoding="utf-8")
    return folder / "bin"
