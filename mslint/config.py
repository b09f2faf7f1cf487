"""Configuration: ``--mslint-*`` pylint options and the ``[tool.mslint]`` table of pyproject.toml."""

from __future__ import annotations

import sys
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on 3.10 only
    import tomli as tomllib

from mslint.codes import find_code
from mslint.versions import parse_version

if TYPE_CHECKING:
    from pylint.lint import PyLinter

DEFAULT_MINDSPORE_VERSION = "2.10"
TARGETS = ("auto", "ascend", "gpu", "cpu", "none")
PROFILES = ("default", "migration")
JIT_SYNTAX_LEVELS = ("auto", "strict", "compatible", "lax")
GRAPH_MODES = ("auto", "always", "never")

# ``--mslint-rules-only=y`` (given by ``mslint.run.lint``): report mslint's rules only, and the messages that say
# a file could not be read. A pylint option, not a [tool.mslint] key: it belongs to one run.
RULES_ONLY_OPTION = "mslint-rules-only"
# ``--mslint-record-imports=y`` (given by ``mslint.run.lint`` when it caches): record the project files astroid
# reads for each file (``mslint.dependencies``).
RECORD_IMPORTS_OPTION = "mslint-record-imports"
KEPT_CORE_MESSAGES = frozenset({"syntax-error", "fatal", "astroid-error", "parse-error", "bad-plugin-value"})


class ConfigError(ValueError):
    """A configuration key or value mslint cannot use."""


@cache
def installed_mindspore_version() -> str:
    """The installed MindSpore's version, read from package metadata (never imported)."""
    for distribution in ("mindspore", "mindspore-ascend", "mindspore-gpu", "mindspore-cpu"):
        try:
            return metadata.version(distribution)
        except metadata.PackageNotFoundError:
            continue
    return DEFAULT_MINDSPORE_VERSION


def _check_version(value: str) -> str:

    if not parse_version(str(value)):
        raise ConfigError(f"mindspore-version: {value!r} is not a version such as '2.10' or '1.10.1'")
    return str(value)


def _choice(choices: tuple[str, ...]):
    def check(value: str) -> str:
        if value not in choices:
            raise ConfigError(f"{value!r} is not one of {', '.join(choices)}")
        return value

    return check


def _names(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = value.split(",")
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{value!r} is not a list of qualified names")
    return tuple(item.strip() for item in value if item.strip())


def _symbols(value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [part for part in value.split(",") if part.strip()]
    if not isinstance(value, (list, tuple)) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{value!r} is not a list of rule symbols or ids")

    unknown = [item.strip() for item in value if find_code(item.strip()) is None]
    if unknown:
        raise ConfigError(f"unknown rule {', '.join(unknown)} (see `mslint rules`)")
    return tuple(item.strip() for item in value)


@dataclass(frozen=True)
class OptionSpec:
    """One configuration key, shared by ``[tool.mslint]`` and the ``--mslint-<key>`` option."""

    key: str
    default: Any
    help: str
    check: Any
    metavar: str = "<value>"

    @property
    def option(self) -> str:
        return f"mslint-{self.key}"

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
    ),
    OptionSpec(
        "profile",
        "default",
        "'migration' also reports silent default differences from PyTorch.",
        _choice(PROFILES),
        "<profile>",
    ),
    OptionSpec(
        "jit-syntax-level",
        "auto",
        "GRAPH_MODE syntax level: strict, compatible or lax; auto detects it (MindSpore's default is lax).",
        _choice(JIT_SYNTAX_LEVELS),
        "<level>",
    ),
    OptionSpec(
        "graph-mode",
        "auto",
        "Whether Cell.construct is compiled as GRAPH_MODE code: auto (only in modules that call "
        "set_context(mode=GRAPH_MODE)), always or never; ms.jit functions are graph code in every mode.",
        _choice(GRAPH_MODES),
        "<mode>",
    ),
    OptionSpec(
        "patched-apis",
        (),
        "Qualified MindSpore names the project replaces at import with torch-style versions (e.g. "
        "mindspore.nn.Dropout under mindnlp 0.3.x): their MindSpore signature is not checked.",
        _names,
        "<names>",
    ),
    OptionSpec("enable", (), "mslint rules to enable (symbols or ids), e.g. off-by-default ones.", _symbols, "<rules>"),
    OptionSpec("disable", (), "mslint rules to disable (symbols or ids).", _symbols, "<rules>"),
)
OPTIONS_BY_KEY = {spec.key: spec for spec in OPTIONS}


def pylint_options() -> tuple[tuple[str, dict[str, Any]], ...]:
    """The option definitions of the configuration checker."""
    definitions = []
    for spec in OPTIONS:
        if isinstance(spec.default, tuple):
            definition = {"type": "csv", "default": spec.default}
        else:
            definition = {"type": "string", "default": spec.default}
        definitions.append((spec.option, {**definition, "metavar": spec.metavar, "help": spec.help}))
    rules_only = {"type": "yn", "default": False, "metavar": "<y or n>", "hide": True, "help": "Report mslint's rules only."}
    record_imports = {"type": "yn", "default": False, "metavar": "<y or n>", "hide": True, "help": "Record imports for the cache."}
    return (*definitions, (RULES_ONLY_OPTION, rules_only), (RECORD_IMPORTS_OPTION, record_imports))


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above ``start``."""
    for folder in (start, *start.parents):
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def read_tool_table(pyproject: Path) -> dict[str, Any]:
    """The validated ``[tool.mslint]`` table of a pyproject.toml file."""
    try:
        with pyproject.open("rb") as stream:
            table = tomllib.load(stream).get("tool", {}).get("mslint", {})
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{pyproject}: {error}") from error
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
    jit_syntax_level: str = "auto"
    graph_mode: str = "auto"
    patched_apis: tuple[str, ...] = ()
    enable: tuple[str, ...] = ()
    disable: tuple[str, ...] = ()


def resolve_settings(given: Mapping[str, Any], table: Mapping[str, Any]) -> Settings:
    """The effective settings: a ``given`` value (keyed like ``[tool.mslint]``) wins over ``table``, which wins
    over the defaults; given values are validated (``ConfigError``)."""
    values: dict[str, Any] = {}
    for spec in OPTIONS:
        value = given.get(spec.key, spec.default)
        value = tuple(value) if isinstance(spec.default, tuple) else value
        if value == spec.default and spec.key in table:
            value = table[spec.key]
        elif value != spec.default:
            value = spec.check(value)
        values[spec.key.replace("-", "_")] = value
    values["mindspore_version"] = values["mindspore_version"] or installed_mindspore_version()
    return Settings(**values)


def settings_for(given: Mapping[str, Any], start: Path | None = None) -> Settings:
    """``resolve_settings`` against the pyproject.toml nearest to ``start`` (default: the working folder)."""
    pyproject = find_pyproject(start or Path.cwd())
    return resolve_settings(given, read_tool_table(pyproject) if pyproject else {})


def apply_configuration(linter: PyLinter, start: Path | None = None) -> Settings:
    """Merge ``[tool.mslint]`` under the command line, validate, and enable/disable rules.

    A ``--mslint-*`` value given to pylint wins over ``[tool.mslint]``, which wins over defaults.
    """
    settings = settings_for({spec.key: getattr(linter.config, spec.attribute, spec.default) for spec in OPTIONS}, start)
    if getattr(linter.config, RULES_ONLY_OPTION.replace("-", "_"), False):
        for definition in linter.msgs_store.messages:
            if not definition.symbol.startswith("ms-") and definition.symbol not in KEPT_CORE_MESSAGES:
                linter.disable(definition.msgid)
    for symbol in settings.enable:
        linter.enable(symbol)
    for symbol in settings.disable:
        linter.disable(symbol)
    return settings
