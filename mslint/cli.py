"""The ``mslint`` command: check, fix, readiness, rules, explain, server."""

from __future__ import annotations

import argparse
import difflib
import os
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import NoReturn

from mslint.core import settings as config
from mslint.core.notebooks import is_notebook
from mslint.core.positions import decode_source
from mslint.core.project import repository_root
from mslint.core.versions import MSLINT_VERSION
from mslint.outputs.findings import Finding
from mslint.outputs.text import render_statistics, render_text
from mslint.rules.catalog import find_rule
from mslint.run import LintSettings, lint
from mslint.run.cache import CACHE_FOLDER
from mslint.run.fix import FixRun, fix_files
from mslint.run.notebooks import notebook_diff
from mslint.run.screening import python_files

OUTPUT_FORMATS = ("text", "json", "sarif", "github", "gitlab")


class UsageError(Exception):
    """A command-line problem found before linting (exit 2)."""


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(part.strip() for part in (value or "").split(",") if part.strip())


def lint_settings(options: argparse.Namespace) -> LintSettings:
    """The lint settings given on the command line (its flags come from the options table)."""
    given = {
        spec.request_field: _split(getattr(options, spec.request_field)) if spec.is_list else getattr(options, spec.request_field)
        for spec in config.OPTIONS
        if spec.cli_flag
    }
    return LintSettings(**given, jobs=options.jobs)


def shown_path(path: Path | str) -> str:
    """A path relative to the working folder when it is below it, else absolute."""
    relative = os.path.relpath(path)
    return str(Path(path).resolve()) if relative.startswith("..") else relative


def existing_paths(paths: Sequence[str]) -> tuple[list[str], bool]:
    """The paths that exist; a missing one is reported on stderr (the others are still checked)."""
    found = []
    for path in paths:
        if os.path.lexists(path):
            found.append(path)
        else:
            print(f"mslint: no such file or folder: {path}", file=sys.stderr)
    return found, len(found) != len(paths)


def check_output_path(output: str | None) -> None:
    """Fail before linting when the report cannot be written where asked."""
    if not output:
        return
    path = Path(output)
    if path.is_dir():
        raise UsageError(f"--output {output}: is a folder")
    if not path.parent.resolve().is_dir():
        raise UsageError(f"--output {output}: folder {path.parent} does not exist")
    if not os.access(path.parent.resolve(), os.W_OK) or (path.exists() and not os.access(path, os.W_OK)):
        raise UsageError(f"--output {output}: not writable")


def render(findings: list[Finding], options: argparse.Namespace, root: Path) -> str:
    """The report of ``mslint check`` in the chosen format."""
    output_format = options.output_format
    if output_format == "json":
        from mslint.outputs.json_reporter import render_json

        return render_json(findings)
    if output_format == "sarif":
        from pylint.lint import PyLinter

        from mslint.outputs.sarif import render_sarif

        return render_sarif(findings, PyLinter().msgs_store, root, options.docs_url)
    if output_format == "github":
        from mslint.outputs.ci import render_github

        return render_github(findings, root)
    if output_format == "gitlab":
        from mslint.outputs.ci import render_gitlab

        return render_gitlab(findings, root)
    if options.statistics:
        return render_statistics(findings)
    return render_text(findings)


def command_check(options: argparse.Namespace) -> int:
    check_output_path(options.output)
    paths, missing = existing_paths(options.paths)
    settings = lint_settings(options)
    options.docs_url = settings.effective().docs_url
    findings = lint(paths, settings, cache=not options.no_cache) if paths else []
    root = Path(options.project_root).resolve() if options.project_root else repository_root()
    report = render(findings, options, root)
    if options.output:
        Path(options.output).write_text(report, encoding="utf-8")
    else:
        sys.stdout.write(report)
    if missing:
        return 2
    return 0 if options.exit_zero or not findings else 1


def _mirror(paths: Sequence[str], folder: Path) -> tuple[list[str], dict[Path, Path]]:
    """Copies of the files to lint (and the ``__init__.py`` files of their packages) below ``folder``, laid out as
    below the paths' common folder; returns the paths to lint there and copy -> original."""
    files = [path.resolve() for path in python_files(paths) if path.is_file()]
    if not files:
        return [], {}
    base = Path(os.path.commonpath([path.parent for path in files]))
    originals: dict[Path, Path] = {}
    for path in files:
        copy = folder / path.relative_to(base)
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, copy)
        originals[copy] = path
        package = path.parent
        while package != base and (package / "__init__.py").is_file():
            init_copy = folder / (package / "__init__.py").relative_to(base)
            if not init_copy.exists():
                shutil.copyfile(package / "__init__.py", init_copy)
            package = package.parent
    return [str(copy) for copy in originals], originals


def _diff(run: FixRun, originals: dict[Path, Path]) -> None:
    for copy in sorted(run.changed, key=lambda path: originals[path]):
        shown = shown_path(originals[copy])
        if is_notebook(copy):
            sys.stdout.writelines(notebook_diff(originals[copy].read_bytes(), copy.read_bytes(), shown))
            continue
        before = decode_source(originals[copy].read_bytes())[0].splitlines(keepends=True)
        after = decode_source(copy.read_bytes())[0].splitlines(keepends=True)
        sys.stdout.writelines(difflib.unified_diff(before, after, f"a/{shown}", f"b/{shown}"))


def command_fix(options: argparse.Namespace) -> int:
    paths, missing = existing_paths(options.paths)
    settings = lint_settings(options)
    settings.effective()  # a bad setting stops here, before anything is written
    if options.diff:
        # The fix passes run on copies: the diff is exactly what `mslint fix` would write.
        with tempfile.TemporaryDirectory(prefix="mslint-diff-") as folder:
            copies, originals = _mirror(paths, Path(folder))
            run = fix_files(copies, settings, options.unsafe_fixes)
            _diff(run, originals)
        print(f"Would fix {run.fixed} finding{'s' * (run.fixed != 1)}.", file=sys.stderr)
        return 2 if missing else (1 if run.changed else 0)
    run = fix_files(paths, settings, options.unsafe_fixes, cache=not options.no_cache)
    for path in sorted(run.changed):
        print(f"fixed {shown_path(path)}", file=sys.stderr)
    for path, reason in sorted(run.problems.items()):
        print(f"mslint: {shown_path(path)}: not fixed: {reason}", file=sys.stderr)
    remaining = run.findings
    sys.stdout.write(render_text(remaining, summary_line=False))
    print(f"Fixed {run.fixed} finding{'s' * (run.fixed != 1)} ({len(remaining)} remaining).")
    if missing:
        return 2
    return 1 if remaining or run.problems else 0


def command_readiness(options: argparse.Namespace) -> int:
    if options.fix_preview:
        from mslint.readiness.preview import fix_preview

        return fix_preview(options.paths, lint_settings(options))
    from mslint.readiness.command import run

    return run(options.paths, lint_settings(options), options.format, options.output, progress=not options.no_progress)


def command_rules(options: argparse.Namespace) -> int:
    from mslint.outputs.docs import rules_json, rules_table, rules_text

    renderers = {"json": rules_json, "markdown": rules_table, "text": rules_text}
    sys.stdout.write(renderers[options.format]())
    return 0


def command_explain(options: argparse.Namespace) -> int:
    from mslint.outputs.docs import rule_markdown, rule_text

    rule = find_rule(options.rule)
    if rule is None:
        print(f"mslint: unknown rule {options.rule!r} (see `mslint rules`)", file=sys.stderr)
        return 2
    sys.stdout.write(rule_markdown(rule) if options.format == "markdown" else rule_text(rule))
    return 0


def command_server(options: argparse.Namespace) -> int:
    from mslint.server import serve

    return serve()


def _add_lint_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", help="files or folders to lint")
    parser.add_argument("-j", "--jobs", type=int, default=1, help="parallel pylint processes (0: one per core)")
    for spec in config.OPTIONS:
        if spec.cli_flag:
            help_text = spec.help + (" Comma-separated." if spec.is_list else "")
            parser.add_argument(spec.cli_flag, choices=spec.choices or None, metavar=spec.metavar.strip("<>").upper(), help=help_text)
    parser.add_argument("--no-cache", action="store_true", help=f"neither read nor write the cache ({CACHE_FOLDER}/ in the project root)")


def parser() -> argparse.ArgumentParser:
    main_parser = argparse.ArgumentParser(prog="mslint", description="Lint code moving from PyTorch to MindSpore.")
    main_parser.add_argument("--version", action="version", version=f"mslint {MSLINT_VERSION}")
    commands = main_parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="report findings")
    _add_lint_options(check)
    check.add_argument("--output-format", "--format", dest="output_format", choices=OUTPUT_FORMATS, default="text")
    check.add_argument("--output", help="write the report to this file")
    check.add_argument("--statistics", action="store_true", help="count findings per rule instead of listing them")
    check.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    check.add_argument("--project-root", help="folder report paths are relative to (default: the git root, else the working folder)")
    check.set_defaults(handler=command_check)
    fix = commands.add_parser("fix", help="apply fixes")
    _add_lint_options(fix)
    fix.add_argument("--unsafe-fixes", action="store_true", help="also apply unsafe fixes")
    fix.add_argument("--diff", action="store_true", help="print the changes as a diff, write nothing")
    fix.set_defaults(handler=command_fix)
    readiness = commands.add_parser("readiness", help="estimate the work of a PyTorch -> MindSpore port")
    _add_lint_options(readiness)
    readiness.add_argument("--format", choices=("text", "json", "markdown", "html", "csv"), default="text")
    readiness.add_argument("--output", help="write the report to this file")
    readiness.add_argument("--no-progress", action="store_true", help="no progress bar on stderr (shown when it is a terminal)")
    readiness.add_argument("--fix-preview", action="store_true", help="print what the automatic part of the port would change, as a diff")
    readiness.set_defaults(handler=command_readiness)
    rules = commands.add_parser("rules", help="list the rules")
    rules.add_argument("--format", choices=("text", "markdown", "json"), default="text")
    rules.set_defaults(handler=command_rules)
    explain = commands.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule", help="symbol or message id")
    explain.add_argument("--format", choices=("text", "markdown"), default="text")
    explain.set_defaults(handler=command_explain)
    server = commands.add_parser("server", help="run the language server (LSP over stdio) for editors")
    server.set_defaults(handler=command_server)
    return main_parser


def main(argv: Sequence[str] | None = None) -> int:
    options = parser().parse_args(argv)
    try:
        code = options.handler(options)
        sys.stdout.flush()  # a reader that has gone shows here, not at exit
        return code
    except (config.ConfigError, UsageError) as error:
        kind = "configuration error: " if isinstance(error, config.ConfigError) else ""
        print(f"mslint: {kind}{error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (`| head`) has gone: stop quietly, and keep Python from complaining at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1
    except SystemExit as exit_:  # pylint's own usage errors
        return 2 if exit_.code else 0


def entry_point() -> NoReturn:
    """The ``mslint`` command: ``main`` and then an immediate exit once the output is flushed. Freeing a large
    run's trees one object at a time at interpreter exit took 1.2 s after a 3.9 s check of 51k lines; every file
    is written and every process joined before ``main`` returns, so nothing needs the orderly exit."""
    code = main()
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (OSError, ValueError):  # the reader has gone, or the stream was closed
            pass
    os._exit(code)


if __name__ == "__main__":
    entry_point()
