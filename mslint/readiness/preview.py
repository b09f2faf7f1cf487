"""``mslint readiness --fix-preview``: what the automatic part of the port would change, as a diff; writes nothing.

mslint rewrites PyTorch calls (rule ``ms-torch-api``) in files that already import MindSpore. The preview copies
the project to a temporary folder, marks each PyTorch file as a port in progress (a MindSpore import appended
under ``if False:``, so no line moves; in a notebook, as one more code cell), runs the safe fixes there and shows
the difference with the originals.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sys
import tempfile
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

from mslint.core.notebooks import NotebookError, NotebookSource, is_notebook
from mslint.core.positions import decode_source
from mslint.run import LintSettings, lint
from mslint.run.notebooks import notebook_diff
from mslint.run.screening import python_files

IMPORTS_TORCH = re.compile(r"^[ \t]*(?:import|from)[ \t]+torch\b", re.M)
MARK = "if False:  # mslint fix preview: a port in progress{newline}    import mindspore{newline}"
REWRITE_RULE = "ms-torch-api"


def _copies(paths: Sequence[str], folder: Path) -> dict[Path, tuple[Path, str, str]]:
    """Copy every Python file below ``paths`` into ``folder`` (package layout kept): copy -> (original, text, mark)."""
    copies: dict[Path, tuple[Path, str, str]] = {}
    for index, name in enumerate(paths):
        root = Path(name)
        for path in python_files([name]):
            relative = path.relative_to(root) if root.is_dir() else Path(path.name)
            copy = folder / str(index) / root.name / relative if root.is_dir() else folder / str(index) / relative
            if is_notebook(path):
                copied = _notebook_copy(path)
                if copied is not None:
                    copy.parent.mkdir(parents=True, exist_ok=True)
                    copy.write_bytes(copied[0])
                    copies[copy.resolve()] = (path, "", copied[1])
                continue
            try:
                text, encoding = decode_source(path.read_bytes())
            except (OSError, SyntaxError, LookupError, UnicodeDecodeError):
                continue
            mark = ""
            if IMPORTS_TORCH.search(text):
                newline = "\r\n" if "\r\n" in text else "\n"
                mark = ("" if text.endswith(("\n", "\r")) or not text else newline) + MARK.format(newline=newline)
            copy.parent.mkdir(parents=True, exist_ok=True)
            copy.write_bytes((text + mark).encode(encoding))
            copies[copy.resolve()] = (path, text, mark)
    return copies


def _notebook_copy(path: Path) -> tuple[bytes, str] | None:
    """A notebook's copy and its mark: a PyTorch notebook gets the mark as one more code cell at its end."""
    try:
        raw = path.read_bytes()
        source = NotebookSource.read(raw)
    except (OSError, NotebookError):
        return None
    if not IMPORTS_TORCH.search(source.text):
        return raw, ""
    mark = MARK.format(newline="\n")
    data = json.loads(raw.decode("utf-8-sig"))
    data["cells"].append({"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": mark})
    return json.dumps(data).encode("utf-8"), mark


def _changes(copy: Path, original: Path, text: str, mark: str) -> list[str]:
    """The diff of a fixed copy with its original (a notebook's: its changed cells)."""
    shown = os.path.relpath(original)
    if is_notebook(copy):
        return notebook_diff(original.read_bytes(), copy.read_bytes(), shown)
    after = decode_source(copy.read_bytes())[0]
    after = after[: len(after) - len(mark)] if mark and after.endswith(mark) else after
    return list(difflib.unified_diff(text.splitlines(keepends=True), after.splitlines(keepends=True), f"a/{shown}", f"b/{shown}"))


def fix_preview(paths: Sequence[str], settings: LintSettings) -> int:
    """Print the diff of the safe fixes on stdout and a summary on stderr; 1 when something would change."""
    from mslint.run.fix import MAX_FIX_PASSES, fixed_source

    with tempfile.TemporaryDirectory(prefix="mslint-preview-") as folder:
        copies = _copies(paths, Path(folder))
        first: list = []
        for _ in range(MAX_FIX_PASSES):  # fixes that overlap (two imports at one place) land in later passes
            findings = lint([str(copy) for copy in copies], settings) if copies else []
            first = first or findings
            fixes = defaultdict(list)
            for finding in findings:
                if finding.fix is not None and finding.fix.is_applicable(False) and Path(finding.abspath) in copies:
                    fixes[Path(finding.abspath)].append(finding.fix)
            changed = False
            for copy, found in fixes.items():
                new = fixed_source(copy.read_bytes(), found, is_notebook(copy))
                if new is not None:
                    copy.write_bytes(new)
                    changed = True
            if not changed:
                break
        changed_files = 0
        for copy, (original, text, mark) in sorted(copies.items(), key=lambda item: str(item[1][0])):
            changes = _changes(copy, original, text, mark)
            changed_files += bool(changes)
            sys.stdout.writelines(changes)
    sys.stdout.flush()
    rewritten = _states(first)["safe"] - _states(findings)["safe"]
    sys.stderr.write(_summary(changed_files, rewritten, copies, first) + "\n")
    return 1 if changed_files else 0


def _states(findings: list) -> Counter:
    """How many PyTorch calls have a safe, an unsafe or no rewrite."""
    return Counter(_fix_state(finding) for finding in findings if finding.symbol == REWRITE_RULE)


def _summary(changed: int, rewritten: int, copies: dict, findings: list) -> str:
    torch_files = sum(1 for _, _, mark in copies.values() if mark)
    calls = _states(findings)
    if changed:
        return (f"fix preview: {changed} file{'s' * (changed != 1)} would change ({rewritten} PyTorch call{'s' * (rewritten != 1)} "
                f"rewritten; {calls['unsafe']} more change arguments, {calls['none']} are manual); nothing was written. "
                "`mslint fix` makes these changes in files that import mindspore")
    if not copies:
        return "fix preview: nothing would change: no Python file to read"
    if not torch_files and not findings:
        return "fix preview: nothing would change: no file imports torch and mslint's fixes find nothing to do"
    if not calls:
        return f"fix preview: nothing would change: the {torch_files} PyTorch files make no call mslint can map to MindSpore"
    return (f"fix preview: nothing would change: of {sum(calls.values())} PyTorch calls, none has a safe rewrite "
            f"({calls['unsafe']} change arguments, an unsafe fix; {calls['none']} need a manual change or have no equivalent, "
            "or their MindSpore namespace's short name is taken, as `nn` by `import torch.nn as nn`); "
            "see `mslint readiness` for what each needs")


def _fix_state(finding) -> str:
    if finding.fix is None:
        return "none"
    return "safe" if finding.fix.is_applicable(False) else "unsafe"
