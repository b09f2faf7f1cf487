"""The ``mslint`` command: check, fix, rules, explain."""

from __future__ import annotations

import argparse
import ast
import difflib
import os
import sys
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from pathlib import Path

from mslint import __version__, config
from mslint.catalog import find_rule
from mslint.findings import Finding
from mslint.fixes import Fix, apply_fixes
from mslint.positions import decode_source
from mslint.cache import CACHE_FOLDER
from mslint.run import LintSettings, lint

MAX_FIX_PASSES = 10
FORMATS = ("text", "json", "sarif")


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def lint_settings(options: argparse.Namespace) -> LintSettings:
    """The lint settings given on the command line."""
    return LintSettings(
        mindspore_version=options.mindspore_version,
        target=options.target,
        profile=options.profile,
        jit_syntax_level=options.jit_syntax_level,
        graph_mode=options.graph_mode,
        patched_apis=_split(options.patched_apis),
        select=_split(options.select),
        ignore=_split(options.ignore),
        jobs=options.jobs,
    )


def _lint_options(options: argparse.Namespace) -> list[Finding]:
    return lint(options.paths, lint_settings(options), cache=not options.no_cache)


def _print_text(findings: list[Finding], stream) -> None:
    for finding in findings:
        mark = " [*]" if finding.fix and finding.fix.applicability.value == "safe" else ""
        stream.write(
            f"{finding.path}:{finding.line}:{finding.column + 1}: {finding.msg_id} [{finding.symbol}] {finding.message}{mark}\n"
        )
    fixable = sum(1 for f in findings if f.fix and f.fix.applicability.value == "safe")
    stream.write(f"Found {len(findings)} finding{'s' * (len(findings) != 1)}" + (f" ({fixable} fixable with `mslint fix`)" if fixable else "") + ".\n")


def command_check(options: argparse.Namespace) -> int:
    findings = _lint_options(options)
    output = open(options.output, "w", encoding="utf-8") if options.output else sys.stdout
    try:
        if options.format == "json":
            from mslint.reporters.json_reporter import render_json

            output.write(render_json(findings))
        elif options.format == "sarif":
            from pylint.lint import PyLinter

            from mslint.reporters.sarif import render_sarif

            output.write(render_sarif(findings, PyLinter().msgs_store))
        else:
            _print_text(findings, output)
    finally:
        if options.output:
            output.close()
    return 1 if findings else 0


def write_atomically(path: Path, data: bytes) -> None:
    """Replace a file's bytes in one step, keeping its permissions."""
    mode = path.stat().st_mode
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".mslint")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def fixed_source(raw: bytes, fixes: list[Fix]) -> bytes | None:
    """The file's bytes with the fixes applied, or None when nothing changes or the file must stay as it is
    (it does not decode or parse, before or after)."""
    try:
        text, encoding = decode_source(raw)
        ast.parse(text)
    except (SyntaxError, ValueError, LookupError, UnicodeDecodeError, RecursionError, MemoryError):
        return None
    new_text, applied = apply_fixes(text, fixes)
    if not applied or new_text == text:
        return None
    try:
        ast.parse(new_text)
    except (SyntaxError, ValueError, RecursionError):
        return None
    # utf-8-sig re-adds the BOM it stripped; every line ending outside the edits is untouched.
    return new_text.encode(encoding)


def command_fix(options: argparse.Namespace) -> int:
    originals: dict[Path, bytes] = {}
    current: dict[Path, bytes] = {}
    findings: list[Finding] = []
    for _ in range(MAX_FIX_PASSES):
        findings = _lint_options(options)
        by_file: dict[Path, list[Fix]] = defaultdict(list)
        for finding in findings:
            if finding.fix and finding.fix.is_applicable(options.unsafe_fixes):
                by_file[Path(finding.abspath)].append(finding.fix)
        changed = False
        for path, fixes in by_file.items():
            raw = current.get(path) or path.read_bytes()
            new = fixed_source(raw, fixes)
            if new is None:
                continue
            originals.setdefault(path, raw)
            current[path] = new
            changed = True
            if not options.diff:
                write_atomically(path, new)
        if not changed or options.diff:
            break
    else:
        findings = _lint_options(options)  # the last pass still changed files: report what is left
    for path in sorted(originals):
        if options.diff:
            before = decode_source(originals[path])[0].splitlines(keepends=True)
            after = decode_source(current[path])[0].splitlines(keepends=True)
            shown = os.path.relpath(path)
            sys.stdout.writelines(difflib.unified_diff(before, after, f"a/{shown}", f"b/{shown}"))
        else:
            print(f"fixed {path}", file=sys.stderr)
    if options.diff:
        return 1 if originals else 0
    _print_text(findings, sys.stdout)
    return 1 if any(f.is_mslint for f in findings) else 0


def command_readiness(options: argparse.Namespace) -> int:
    if options.fix_preview:
        return command_fix(argparse.Namespace(**vars(options), diff=True, unsafe_fixes=False))
    from mslint.readiness.command import run

    return run(options.paths, lint_settings(options), options.format, options.output)


def command_rules(options: argparse.Namespace) -> int:
    from mslint.docs import rules_json, rules_table

    sys.stdout.write(rules_json() if options.format == "json" else rules_table())
    return 0


def command_explain(options: argparse.Namespace) -> int:
    from mslint.docs import rule_page

    rule = find_rule(options.rule)
    if rule is None:
        print(f"mslint: unknown rule {options.rule!r} (see `mslint rules`)", file=sys.stderr)
        return 2
    sys.stdout.write(rule_page(rule))
    return 0


def _add_lint_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", help="files or folders to lint")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="parallel pylint processes (0: one per core)")
    parser.add_argument("--mindspore-version", help="MindSpore version the code targets")
    parser.add_argument("--target", choices=config.TARGETS[1:], help="device the code runs on")
    parser.add_argument("--profile", choices=config.PROFILES, help="rule profile")
    parser.add_argument("--jit-syntax-level", choices=config.JIT_SYNTAX_LEVELS[1:], help="GRAPH_MODE syntax level")
    parser.add_argument("--graph-mode", choices=config.GRAPH_MODES, help="whether Cell.construct is graph code")
    parser.add_argument("--patched-apis", help="comma-separated MindSpore names the project replaces with torch-style versions")
    parser.add_argument("--select", help="comma-separated rules to enable in addition to the defaults")
    parser.add_argument("--ignore", help="comma-separated rules to disable")
    parser.add_argument("--no-cache", action="store_true", help=f"neither read nor write the cache ({CACHE_FOLDER}/ in the project root)")


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="mslint", description="Lint code moving from PyTorch to MindSpore.")
    main_parser.add_argument("--version", action="version", version=f"mslint {__version__}")
    commands = main_parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="report findings")
    _add_lint_options(check)
    check.add_argument("--format", choices=FORMATS, default="text")
    check.add_argument("--output", help="write the report to this file")
    check.set_defaults(handler=command_check)
    fix = commands.add_parser("fix", help="apply fixes")
    _add_lint_options(fix)
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    fix.add_argument("--diff", action="store_true", help="print the changes as a diff, write nothing")
    fix.set_defaults(handler=command_fix)
    readiness = commands.add_parser("readiness", help="estimate the work of a PyTorch -> MindSpore port")
    _add_lint_options(readiness)
    readiness.add_argument("--format", choices=("text", "json", "markdown", "html"), default="text")
    readiness.add_argument("--output", help="write the report to this file")
    readiness.add_argument("--fix-preview", action="store_true", help="print what `mslint fix` would change, as a diff")
    readiness.set_defaults(handler=command_readiness)
    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    rules.set_defaults(handler=command_rules)
    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule", help="symbol or message id")
    explain.set_defaults(handler=command_explain)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    options = parser().parse_args(argv)
    for path in getattr(options, "paths", ()):
        if not Path(path).exists():
            print(f"mslint: no such file or folder: {path}", file=sys.stderr)
            return 2
    try:
        return options.handler(options)
    except config.ConfigError as error:
        print(f"mslint: configuration error: {error}", file=sys.stderr)
        return 2
    except SystemExit as exit_:  # pylint's own usage errors
        return 2 if exit_.code else 0


if __name__ == "__main__":
    sys.exit(main())
