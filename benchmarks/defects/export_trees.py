"""Write the Python sources of git snapshots at given commits into a corpora folder (fetching nothing).

Usage: ``python export_trees.py MIRROR_ROOT CORPORA_ROOT [owner+name[@commit] ...]``

``MIRROR_ROOT/<owner>+<name>/`` holds a git directory (``repo/`` or ``repo/.git``). Each snapshot's ``.py``,
``.ipynb`` and project files (``pyproject.toml``, ``setup.cfg``, ``setup.py``) at the commit its defect table names
(or the one given, else HEAD) are written to ``CORPORA_ROOT/<owner>+<name>/``. Blobs missing from a snapshot
(large files are left out of them) are skipped. With no names, every table's repository is exported.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from score import TABLE_DIR, load_tables

KEPT_SUFFIXES = (".py", ".ipynb")
KEPT_NAMES = ("pyproject.toml", "setup.cfg", "setup.py")


def git_dir(mirror: Path) -> Path:
    return mirror / "repo" / ".git" if (mirror / "repo" / ".git").is_dir() else mirror / "repo"


def export(mirror: Path, commit: str, into: Path) -> int:
    """Write the kept files of ``commit``; returns how many were written."""
    git = ["git", f"--git-dir={git_dir(mirror)}"]
    listing = subprocess.run([*git, "ls-tree", "-r", "-z", commit], capture_output=True, check=True).stdout
    wanted = []
    for record in listing.split(b"\0"):
        if not record:
            continue
        meta, _, path = record.partition(b"\t")
        mode, kind, sha = meta.split()
        name = path.decode("utf-8", "surrogateescape")
        if kind == b"blob" and mode != b"120000" and (name.endswith(KEPT_SUFFIXES) or name.rsplit("/", 1)[-1] in KEPT_NAMES):
            wanted.append((sha.decode(), name))
    batch = subprocess.run([*git, "cat-file", "--batch"], input="".join(f"{sha}\n" for sha, _ in wanted).encode(), capture_output=True, check=True).stdout
    written, at = 0, 0
    for sha, name in wanted:
        header_end = batch.index(b"\n", at)
        header = batch[at:header_end].split()
        at = header_end + 1
        if header[-1] == b"missing":
            continue
        size = int(header[2])
        target = into / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(batch[at : at + size])
        at += size + 1
        written += 1
    return written


def main(argv: list[str]) -> int:
    mirror_root, corpora = Path(argv[0]), Path(argv[1])
    requested = argv[2:]
    if not requested:
        requested = [f"{table['repository'].replace('/', '+')}@{table['commit']}" for table in load_tables(TABLE_DIR)]
    for item in requested:
        name, _, commit = item.partition("@")
        count = export(mirror_root / name, commit or "HEAD", corpora / name)
        print(f"{name}: {count} files")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
