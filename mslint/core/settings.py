"""Configuration: ``--mslint-*`` pylint options and the ``[tool.mslint]`` table of pyproject.toml."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mslint.core.codes import CODE_TABLE, CODES, find_code
from mslint.core.globs import PathPattern, PatternError, check_pattern
from mslint.core.project import find_pyproject
from mslint.core.tomlcompat import tomllib
from mslint.core.versions import KNOWN_RELEASES_TEXT, installed_version, is_known_release, parse_version

if TYPE_CHECKING:
    from pylint.lint import PyLinter

DEFAULT_MINDSPORE_VERSION = "2.10"
TARGETS = ("auto", "ascend", "gpu", "cpu", "none")
PROFILES = ("default", "migration")
ORIGINS = ("auto", "pytorch", "tensorflow")
JIT_SYNTAX_LEVELS = ("auto", "strict", "compatible", "lax")
GRAPH_MODES = ("auto", "always", "never")
ROUTES = ("auto", "native", "mindtorch")
FAIL_ON_LEVELS = ("error", "warning", "info")
_SEVERITY = {"fatal": 2, "error": 2, "warning": 1}  # info, convention, refactor: 0
# Folders and files never linted when found below a path (as Ruff's ``exclude``; a path named on the command line
# is still linted unless ``force-exclude``): hidden ones, caches, virtual environments, installed and built copies.
DEFAULT_EXCLUDE = (".*", "__pycache__", "__pypackages__", "_build", "buck-out", "dist", "node_modules", "site-packages", "venv")

# ``--mslint-rules-only=y`` (given by ``mslint.run.lint``): report mslint's rules only, and the messages that say
# a file could not be read. A pylint option, not a [tool.mslint] key: it belongs to one run.
RULES_ONLY_OPTION = "mslint-rules-only"
# ``--mslint-record-imports=y`` (given by ``mslint.run.lint`` when it caches): record the project files astroid
# reads for each file (``mslint.engine.dependencies``).
RECORD_IMPORTS_OPTION = "mslint-record-imports"
KEPT_CORE_MESSAGES = frozenset({"syntax-error", "fatal", "astroid-error", "parse-error", "bad-plugin-value"})


class ConfigError(ValueError):
    """A configuration key or value mslint cannot use."""


@cache
def installed_mindspore_version() -> str:
    """The installed MindSpore's version, read from its distribution's folder name (never imported)."""
    return installed_version("mindspore", "mindspore-ascend", "mindspore-gpu", "mindspore-cpu") or DEFAULT_MINDSPORE_VERSION


MAX_VERSION_LENGTH = 32
_VERSION = re.compile(r"\d{1,4}(\.\d{1,4}){0,3}([a-z]+\d{0,4})?")


def _check_version(value: Any) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # TOML reads `mindspore-version = 2.10` as the number 2.1: the version meant is lost
        raise ConfigError(
            f"{value!r} is a number, not a version (2.10 as a number is 2.1): "
            f"write it as a string, mindspore-version = \"2.10\""
        )
    text = value if isinstance(value, str) else ""
    if len(text) > MAX_VERSION_LENGTH or not _VERSION.fullmatch(text) or not parse_version(text):
        shown = repr(value) if len(repr(value)) <= MAX_VERSION_LENGTH else f"{repr(value)[:MAX_VERSION_LENGTH]}... ({len(repr(value))} characters)"
        raise ConfigError(f"{shown} is not a version such as '2.10' or '1.10.1'")
    if not is_known_release(text) and parse_version(text)[:2] != parse_version(installed_mindspore_version())[:2]:
        raise ConfigError(f"{text!r} is not a MindSpore release ({KNOWN_RELEASES_TEXT})")
    return text


def _shown(value: Any) -> str:
    """A value for a one-line message (long values cut)."""
    text = repr(value)
    return text if len(text) <= 60 else f"{text[:57]}..."


def _choice(choices: tuple[str, ...]):
    def check(value: Any) -> str:
        if not isinstance(value, str) or value not in choices:
            raise ConfigError(f"{_shown(value)} is not one of {', '.join(choices)}")
        return value

    return check


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{_shown(value)} is not a list of qualified names")
    return tuple(item.strip() for item in value if item.strip())


def rules_matching(selector: str) -> tuple[str, ...]:
    """The rule symbols a selector names, in any case: a symbol or id (current or former), an id prefix (``E``,
    ``E72``, ``W73``, ``74``) or a symbol prefix ending in ``-`` (``ms-graph-``); ``ALL`` names every rule."""
    code = find_code(selector)
    if code is not None:
        return (code.symbol,)
    if selector.upper() == "ALL":
        return tuple(CODES)
    prefix = selector.upper()
    if re.fullmatch(r"[CRWEFI]\d{0,3}|\d{1,3}", prefix):
        return tuple(c.symbol for c in CODE_TABLE if c.msgid.startswith(prefix) or c.msgid[1:].startswith(prefix))
    symbol_prefix = selector.lower()
    if symbol_prefix.endswith("-") and symbol_prefix.startswith("ms-"):
        return tuple(c.symbol for c in CODE_TABLE if c.symbol.startswith(symbol_prefix))
    return ()


def _symbols(value: Any) -> tuple[str, ...]:
    """Rule selectors expanded to the rule symbols they name."""
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{_shown(value)} is not a list of rule symbols, ids or prefixes")
    selectors = [item.strip() for item in value]
    unknown = [item for item in selectors if not rules_matching(item)]
    if unknown:
        raise ConfigError(f"unknown rule {', '.join(map(_shown, unknown))} (see `mslint rules`)")
    return tuple(dict.fromkeys(symbol for item in selectors for symbol in rules_matching(item)))


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("y", "yes", "true", "1", "n", "no", "false", "0"):
        return value.strip().lower() in ("y", "yes", "true", "1")
    raise ConfigError(f"{_shown(value)} is not true or false")


def _patterns(value: Any) -> tuple[str, ...]:
    """File patterns (Ruff's globs, ``mslint.core.globs``)."""
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{_shown(value)} is not a list of file patterns")
    try:
        return tuple(check_pattern(item) for item in value if item.strip())
    except PatternError as error:
        raise ConfigError(f"bad file pattern: {error}") from error


def _per_file_ignores(value: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """``{pattern: [rules]}`` (a TOML table), or ``pattern:rule,rule`` entries separated by blanks (a pylint
    option), as (pattern, rule symbols) pairs."""
    if isinstance(value, str):
        entries = [entry.rpartition(":") for entry in value.split()]
        if any(not pattern for pattern, _, _ in entries):
            raise ConfigError(f"{_shown(value)} is not a list of pattern:rules entries")
        value = {pattern: codes for pattern, _, codes in entries}
    if not isinstance(value, Mapping) or not all(isinstance(key, str) for key in value):
        raise ConfigError(f"{_shown(value)} is not a table of file patterns to rules")
    checked = []
    for pattern, codes in value.items():
        try:
            checked.append((check_pattern(pattern), _symbols(codes)))
        except (PatternError, ConfigError) as error:
            raise ConfigError(f"{pattern!r}: {error}") from error
    return tuple(checked)


def _docs_url(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{_shown(value)} is not a URL or folder")
    return value.strip()


@dataclass(frozen=True)
class OptionSpec:
    """One configuration key, shared by ``[tool.mslint]`` and the ``--mslint-<key>`` option."""

    key: str
    default: Any
    help: str
    check: Any
    metavar: str = "<value>"
    flag: str | None = ""  # the command-line flag (default ``--<key>``); None: not a command-line option
    choices: tuple[str, ...] = ()
    table: bool = False  # a TOML table (pattern -> rules), not a list
    pylint: bool = True  # also a ``--mslint-<key>`` pylint option (file selection is not: pylint finds its files)

    @property
    def option(self) -> str:
        return f"mslint-{self.key}"

    @property
    def cli_flag(self) -> str | None:
        return f"--{self.key}" if self.flag == "" else self.flag

    @property
    def request_field(self) -> str:
        """The field of a run's request (``mslint.run.LintSettings``) that gives this key: the flag's name."""
        return (self.cli_flag or f"--{self.key}")[2:].replace("-", "_")

    @property
    def is_list(self) -> bool:
        return isinstance(self.default, tuple) and not self.table

    @property
    def is_flag(self) -> bool:
        """A true/false setting: ``--<key>`` and ``--no-<key>`` on the command line."""
        return isinstance(self.default, bool)

    @property
    def attribute(self) -> str:
        return self.option.replace("-", "_")


OPTIONS: tuple[OptionSpec, ...] = (
    OptionSpec(
        "mindspore-version",
        "",
        "MindSpore version the code targets (default: the installed MindSpore, else 2.10).",
        _check_version,
        "<version>",
    ),
    OptionSpec(
        "target",
        "auto",
        "Device the code runs on: ascend, gpu, cpu or none; auto detects set_context(device_target=...).",
        _choice(TARGETS),
        "<target>",
        choices=TARGETS,
    ),
    OptionSpec(
        "profile",
        "default",
        "'migration' also reports silent default differences from PyTorch.",
        _choice(PROFILES),
        "<profile>",
        choices=PROFILES,
    ),
    OptionSpec(
        "origin",
        "auto",
        "Framework the code is ported from: pytorch, tensorflow, or auto (detected per file, then per project).",
        _choice(ORIGINS),
        "<origin>",
        choices=ORIGINS,
    ),
    OptionSpec(
        "jit-syntax-level",
        "auto",
        "GRAPH_MODE syntax level: strict, compatible or lax; auto detects it (MindSpore's default is lax).",
        _choice(JIT_SYNTAX_LEVELS),
        "<level>",
        choices=JIT_SYNTAX_LEVELS,
    ),
    OptionSpec(
        "graph-mode",
        "auto",
        "Whether Cell.construct is compiled as GRAPH_MODE code: auto (only in modules that call "
        "set_context(mode=GRAPH_MODE)), always or never; ms.jit functions are graph code in every mode.",
        _choice(GRAPH_MODES),
        "<mode>",
        choices=GRAPH_MODES,
    ),
    OptionSpec(
        "route",
        "auto",
        "How the project reaches MindSpore: native (a port), mindtorch (PyTorch code run through MindTorch/MSAdapter, "
        "installed as torch), or auto (mindtorch when a project file imports mstorch_enable, mindtorch, msadapter or "
        "MindNLP's torch proxy).",
        _choice(ROUTES),
        "<route>",
        choices=ROUTES,
    ),
    OptionSpec(
        "patched-apis",
        (),
        "Qualified MindSpore names the project replaces at import with torch-style versions (e.g. "
        "mindspore.nn.Dropout under mindnlp 0.3.x): their MindSpore signature is not checked.",
        _names,
        "<names>",
    ),
    OptionSpec(
        "select",
        (),
        "The mslint rules to run instead of the default set (symbols, ids or prefixes such as E72, ms-graph-).",
        _symbols,
        "<rules>",
    ),
    OptionSpec("enable", (), "mslint rules to run in addition (symbols, ids or prefixes), e.g. off-by-default ones.", _symbols, "<rules>", "--extend-select"),
    OptionSpec("disable", (), "mslint rules not to run (symbols, ids or prefixes).", _symbols, "<rules>", "--ignore"),
    OptionSpec(
        "docs-url",
        "",
        "Base URL (or folder) of the rule pages, e.g. https://example.org/mslint/rules: rule links are "
        "<docs-url>/<symbol>.md. Unset: no links, `mslint explain <rule>` shows a rule's page.",
        _docs_url,
        "<url>",
        None,
    ),
    OptionSpec(
        "fail-on",
        "warning",
        "The least severe finding that makes `mslint check` and `mslint fix` exit 1: error, warning or info "
        "(info findings are shown but do not fail by default).",
        _choice(FAIL_ON_LEVELS),
        "<severity>",
        choices=FAIL_ON_LEVELS,
    ),
    OptionSpec(
        "per-file-ignores",
        (),
        "Rules not to report in some files, as Ruff's: a table of file patterns to rules (symbols, ids or prefixes), "
        "e.g. {\"tests/*\" = [\"E7206\"]}; a pattern starting with ! applies to the files it does not match. As a "
        "pylint option: blank-separated pattern:rules entries.",
        _per_file_ignores,
        "<table>",
        None,
        table=True,
    ),
    OptionSpec(
        "exclude",
        DEFAULT_EXCLUDE,
        "File patterns not to lint below the paths given, replacing the defaults (" + ", ".join(DEFAULT_EXCLUDE) + "): a "
        "name (venv, *_pb2.py) or a path relative to the project root (src/legacy).",
        _patterns,
        "<patterns>",
        pylint=False,
    ),
    OptionSpec("extend-exclude", (), "File patterns not to lint, in addition to exclude.", _patterns, "<patterns>", pylint=False),
    OptionSpec(
        "respect-gitignore",
        True,
        "Skip the files git ignores (.gitignore, .git/info/exclude, the global excludes file) in a git work tree.",
        _boolean,
        "<y or n>",
        pylint=False,
    ),
    OptionSpec(
        "force-exclude",
        False,
        "Apply exclude, extend-exclude and respect-gitignore to paths named on the command line too (pre-commit "
        "passes every changed file by name).",
        _boolean,
        "<y or n>",
        pylint=False,
    ),
)
RULE_LISTS = ("select", "enable", "disable")


def fails_at(category: str, fail_on: str) -> bool:
    """A finding of this category makes `mslint check`/`fix` exit 1 under ``fail-on``."""
    return _SEVERITY.get(category, 0) >= _SEVERITY.get(fail_on, 0)
OPTIONS_BY_KEY = {spec.key: spec for spec in OPTIONS}


def pylint_options() -> tuple[tuple[str, dict[str, Any]], ...]:
    """The option definitions of the configuration checker."""
    definitions = []
    for spec in OPTIONS:
        if not spec.pylint:
            continue
        if spec.is_list:
            definition = {"type": "csv", "default": ()}
        elif spec.is_flag:
            definition = {"type": "yn", "default": None}
        else:  # None: not given, so [tool.mslint] applies
            definition = {"type": "string", "default": None}
        definitions.append((spec.option, {**definition, "metavar": spec.metavar, "help": spec.help}))
    rules_only = {
        "type": "yn",
        "default": False,
        "metavar": "<y or n>",
        "help": "Report mslint's rules (the default set, or as configured) and the messages that say a file could not "
        "be read, not pylint's own checks: what `mslint check` reports.",
    }
    record_imports = {"type": "yn", "default": False, "metavar": "<y or n>", "hide": True, "help": "Record imports for the cache."}
    return (*definitions, (RULES_ONLY_OPTION, rules_only), (RECORD_IMPORTS_OPTION, record_imports))


def read_tool_table(pyproject: Path) -> dict[str, Any]:
    """The validated ``[tool.mslint]`` table of a pyproject.toml file."""
    try:
        with pyproject.open("rb") as stream:
            document = tomllib.load(stream)
    except UnicodeDecodeError as error:
        raise ConfigError(f"{pyproject}: not UTF-8 ({error.reason} at byte {error.start})") from error
    except RecursionError as error:
        raise ConfigError(f"{pyproject}: nested too deeply to read") from error
    except (OSError, tomllib.TOMLDecodeError, ValueError) as error:
        if not isinstance(error, tomllib.TOMLDecodeError) and "integer string conversion" in str(error):
            raise ConfigError(f"{pyproject}: a number with too many digits to read") from error
        raise ConfigError(f"{pyproject}: {str(error).splitlines()[0] if str(error) else type(error).__name__}") from error
    tool = document.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{pyproject}: [tool] must be a table, not {type(tool).__name__}")
    table = tool.get("mslint", {})
    if not isinstance(table, dict):
        raise ConfigError(f"{pyproject}: [tool.mslint] must be a table, not {type(table).__name__}")
    checked = {}
    for key, value in table.items():
        spec = OPTIONS_BY_KEY.get(key)
        if spec is None:
            raise ConfigError(f"{pyproject}: unknown key [tool.mslint] {key!r}; known: {', '.join(OPTIONS_BY_KEY)}")
        try:
            checked[key] = spec.check(value)
        except ConfigError as error:
            raise ConfigError(f"{pyproject}: [tool.mslint] {key}: {error}") from error
    return checked


@dataclass(frozen=True)
class Settings:
    """The effective configuration of one run."""

    mindspore_version: str = DEFAULT_MINDSPORE_VERSION
    target: str = "auto"
    profile: str = "default"
    origin: str = "auto"
    jit_syntax_level: str = "auto"
    graph_mode: str = "auto"
    route: str = "auto"
    patched_apis: tuple[str, ...] = ()
    select: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()
    docs_url: str = ""
    fail_on: str = "warning"
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    force_exclude: bool = False
    root: str = ""  # the folder patterns with a ``/`` are relative to: the configuration's, else the working folder

    def runs(self, symbol: str, default_enabled: bool) -> bool:
        """Whether the rule selection runs a rule (``select`` replaces the default set)."""
        chosen = symbol in self.select if self.select else default_enabled
        return (chosen or symbol in self.enable) and symbol not in self.disable

    def patterns(self, patterns: tuple[str, ...]) -> tuple[PathPattern, ...]:
        """File patterns of these settings, anchored at their root."""
        root = self.root or str(Path.cwd())
        return tuple(PathPattern(pattern, root) for pattern in patterns)

    def ignored_in(self, path: str) -> frozenset[str]:
        """The rule symbols ``per-file-ignores`` turns off in a file (an absolute path)."""
        return frozenset(
            symbol for pattern, symbols in self.per_file_ignores if self.patterns((pattern,))[0].matches(path) for symbol in symbols
        )


def resolve_settings(given: Mapping[str, Any], table: Mapping[str, Any]) -> Settings:
    """The effective settings: a ``given`` value (keyed like ``[tool.mslint]``; None or empty: not given) wins
    over ``table``, which wins over the defaults; given values are validated (``ConfigError``).

    Rule lists stack as in Ruff: a given ``select`` replaces the table's whole rule selection; otherwise given
    ``enable``/``disable`` extend the table's, and a rule given in one is taken out of the table's other.
    """
    given = {key: value for key, value in given.items() if value not in (None, "", ())}
    unknown = sorted(set(given) - set(OPTIONS_BY_KEY))
    if unknown:
        raise ConfigError(f"unknown setting {unknown[0]!r}; known: {', '.join(OPTIONS_BY_KEY)}")
    values: dict[str, Any] = {}
    for spec in OPTIONS:
        value = spec.check(given[spec.key]) if spec.key in given else table.get(spec.key, spec.default)
        values[spec.key.replace("-", "_")] = value
    if "select" in given:
        values["enable"] = spec_value(given, "enable")
        values["disable"] = spec_value(given, "disable")
    else:
        added, removed = spec_value(given, "enable"), spec_value(given, "disable")
        values["enable"] = tuple(dict.fromkeys(s for s in (*table.get("enable", ()), *added) if s not in removed))
        values["disable"] = tuple(dict.fromkeys(s for s in (*table.get("disable", ()), *removed) if s not in added))
    values["mindspore_version"] = values["mindspore_version"] or installed_mindspore_version()
    return Settings(**values)


def spec_value(given: Mapping[str, Any], key: str) -> tuple[str, ...]:
    """A given rule list, validated and expanded (empty when not given)."""
    return OPTIONS_BY_KEY[key].check(given[key]) if key in given else ()


def settings_for(given: Mapping[str, Any], start: Path | None = None) -> Settings:
    """``resolve_settings`` against the pyproject.toml nearest to ``start`` (default: the working folder); file
    patterns are relative to that file's folder, else to the working folder (as Ruff's)."""
    pyproject = find_pyproject(start or Path.cwd())
    settings = resolve_settings(given, read_tool_table(pyproject) if pyproject else {})
    return dataclasses.replace(settings, root=str(pyproject.parent if pyproject else Path.cwd().resolve()))


def settings_of_linter(linter: PyLinter, start: Path | None = None) -> Settings:
    """The settings of a plain ``pylint --load-plugins=mslint`` run: its ``--mslint-*`` options over the
    ``[tool.mslint]`` nearest to ``start``."""
    return settings_for({spec.key: getattr(linter.config, spec.attribute, None) for spec in OPTIONS}, start)


def select_rules(linter: PyLinter, settings: Settings) -> None:
    """Enable and disable mslint's messages as ``settings`` choose (and, in mslint's own runs, pylint's own
    messages except those that say a file could not be read). pylint expands ``--enable=mslint`` (the checker)
    into every mslint rule: the off-by-default ones then stay off, so ``--disable=all --enable=mslint`` gives the
    default set. The mslint selection (``--mslint-enable``, ``[tool.mslint] enable``), or naming such a rule in
    ``--enable`` without the whole checker, turns one on."""
    rules_only = getattr(linter.config, RULES_ONLY_OPTION.replace("-", "_"), False)
    named = set(getattr(linter.config, "enable", None) or ())
    off_by_default = {d.symbol for d in linter.msgs_store.messages if d.symbol.startswith("ms-") and not d.default_enabled}
    if off_by_default <= named:  # the checker (or all), not rules one by one
        named -= off_by_default
    for definition in linter.msgs_store.messages:
        if not definition.symbol.startswith("ms-"):
            if rules_only and definition.symbol not in KEPT_CORE_MESSAGES:
                linter.disable(definition.msgid)
        elif settings.select and definition.symbol not in settings.select:
            linter.disable(definition.msgid)
        elif not definition.default_enabled and definition.symbol not in named and definition.symbol not in settings.enable:
            linter.disable(definition.msgid)
    for symbol in (*settings.select, *settings.enable):
        linter.enable(symbol)
    for symbol in settings.disable:
        linter.disable(symbol)
