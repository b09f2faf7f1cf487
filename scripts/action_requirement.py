"""The mslint the GitHub Action (``action.yml``) installs, as a pip requirement printed on stdout (why, on stderr).

1. the action's ``version`` input: a version (``0.1.0`` -> ``mslint==0.1.0``), or any pip requirement, wheel path
   or URL, used as given;
2. else the mslint the repository pins, first found in this order: a ``mslint==X`` or ``mslint @ URL``
   requirement in ``requirements*.txt``, ``requirements/*.txt`` or ``pyproject.toml``; in
   ``.pre-commit-config.yaml``, the ``rev`` of the repository that provides the ``mslint`` hook
   (``git+<repo>@<rev>``), else a ``mslint==X`` / ``mslint @ URL`` in its ``additional_dependencies``;
3. else the action's own copy (the ref in ``uses: <owner>/<repo>@<ref>``): mslint is not on a package index.

Standard library only: it runs before mslint is installed.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

VERSION = re.compile(r"\d+(\.\d+)*([a-z]+\d*)?(\.post\d+)?(\.dev\d+)?")
# ``mslint==0.1.0`` or ``mslint @ https://...whl`` / ``mslint @ file:///...`` inside a line of a requirements
# file, a TOML string or a YAML list item.
PIN = re.compile(r"""(?<![\w.-])mslint(?:\[[\w,\s-]*\])?\s*(?:===?\s*(?P<version>[\w.!+-]+)|@\s*(?P<url>[^\s"',;#\]]+))""")
REQUIREMENT_FILES = ("requirements*.txt", "requirements/*.txt", "pyproject.toml")
PRE_COMMIT = ".pre-commit-config.yaml"


def _pin_in(text: str) -> str | None:
    for line in text.splitlines():
        match = PIN.search(line.split(" #", 1)[0] if not line.lstrip().startswith("#") else "")
        if match:
            return f"mslint=={match['version']}" if match["version"] else f"mslint @ {match['url']}"
    return None


def _hook_repository(text: str) -> str | None:
    """``git+<repo>@<rev>`` of the pre-commit repository that provides the ``mslint`` (or ``mslint-fix``) hook."""
    for block in re.split(r"(?m)^\s*-\s+repo:", text)[1:]:
        repo = block.split(None, 1)[0].strip("'\"") if block.strip() else ""
        rev = re.search(r"(?m)^\s*rev:\s*['\"]?([^\s'\"#]+)", block)
        if rev and re.search(r"(?m)^\s*-\s+id:\s*['\"]?mslint(-fix)?['\"]?\s*$", block) and repo not in ("local", "meta"):
            return f"git+{repo}@{rev.group(1)}"
    return None


def pinned(folder: Path) -> tuple[str, Path] | None:
    """The requirement the repository in ``folder`` pins, and the file that pins it."""
    for pattern in REQUIREMENT_FILES:
        for path in sorted(folder.glob(pattern)):
            found = _pin_in(path.read_text(encoding="utf-8", errors="replace"))
            if found:
                return found, path
    pre_commit = folder / PRE_COMMIT
    if pre_commit.is_file():
        text = pre_commit.read_text(encoding="utf-8", errors="replace")
        found = _hook_repository(text) or _pin_in(text)
        if found:
            return found, pre_commit
    return None


def requirement(version: str, folder: Path, action_path: Path) -> tuple[str, str]:
    """(the pip requirement to install, why that one)."""
    version = version.strip()
    if version:
        return (f"mslint=={version}" if VERSION.fullmatch(version) else version), "the action's version input"
    found = pinned(folder)
    if found:
        return found[0], f"pinned in {found[1].relative_to(folder)}"
    return str(action_path), "the action's own copy (no version input, no pin in the repository)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--version", default="", help="the action's version input")
    parser.add_argument("--folder", default=".", help="the repository's folder (default: the working folder)")
    parser.add_argument("--action-path", required=True, help="the action's own copy of mslint")
    options = parser.parse_args(argv)
    chosen, why = requirement(options.version, Path(options.folder), Path(options.action_path))
    print(f"mslint: installing {chosen} ({why})", file=sys.stderr)
    print(chosen)
    return 0


if __name__ == "__main__":
    sys.exit(main())
