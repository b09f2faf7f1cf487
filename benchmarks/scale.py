"""Repository scale (issue 30) in one run: each tree's cache-hit CPU, cold run, ``-j 2`` speed-up and
``--shard``, and the time per class of a generated module doubled four times, each beside pylint's bare framework
and ``ast.parse`` of the same files.

Usage:
  python benchmarks/scale.py TREE [TREE ...] [--classes 250] [--doublings 4] [--large TREE] [--repeat 1]

``TREE``: folders of Python code (e.g. mindcv's checkout, ~44k lines, or mindcv ``models`` plus torchvision's).
Each is copied to a scratch folder (the cache lives in the copy) and measured with: ``ast.parse`` of every file,
``pylint --disable=all --enable=unused-import`` (the bare framework), ``mslint check --no-cache -j 1`` and
``-j 2``, ``mslint check`` cold and warm (every file a cache hit: the goal is <= 0.1 s CPU on 51.6k lines), and
the slowest of 2 ``--shard I/2`` jobs. ``--large``: a tree measured only by ``ast.parse`` and ``mslint check
--no-cache -j 2`` (issue 30's million lines: goal <= 3 min wall on an idle 2-core machine, <= 1 GB peak).
Every command runs in a child process; CPU is user+sys from the kernel (summed over -j workers), peak is the
largest process's resident set. The machine is shared: compare CPU figures, read wall figures against the load
average printed beside them. Python writes bytecode (in a scratch folder) as for an installed mslint. Not a test: report the numbers, don't assert them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import Measure, load, median, ratio, show  # noqa: E402  (benchmarks/ is not a package)
from module_scaling import small_cells  # noqa: E402

PARSE = (
    "import ast, pathlib, sys\n"
    "for path in sorted(pathlib.Path(sys.argv[1]).rglob('*.py')):\n"
    "    try:\n"
    "        ast.parse(path.read_bytes())\n"
    "    except (SyntaxError, ValueError):\n"
    "        pass\n"
)
PYTHON = sys.executable
MSLINT = [PYTHON, "-m", "mslint", "check"]
BARE_PYLINT = [PYTHON, "-m", "pylint", "--disable=all", "--enable=unused-import"]
AST_PARSE = [PYTHON, "-c", PARSE]


def lines_of(folder: Path) -> tuple[int, int]:
    """(files, lines) of the Python files below ``folder``."""
    files = list(folder.rglob("*.py"))
    return len(files), sum(len(path.read_bytes().splitlines()) for path in files)


def measure_tree(source: Path, repeat: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        shutil.copytree(source, work / "tree", ignore=shutil.ignore_patterns(".git", ".mslint_cache"))
        files, lines = lines_of(work / "tree")
        print(f"\n{source}: {files} files, {lines} lines (copied; cache in the copy); {load()}")
        start = median([PYTHON, "-c", "pass"], 3, work)
        parse = median([*AST_PARSE, "tree"], repeat, work)
        bare = median([*BARE_PYLINT, "tree"], repeat, work)
        serial = median([*MSLINT, "--no-cache", "-j", "1", "tree"], repeat, work)
        parallel = median([*MSLINT, "--no-cache", "-j", "2", "tree"], repeat, work)
        forget = lambda: shutil.rmtree(work / ".mslint_cache", ignore_errors=True)  # noqa: E731
        cold = median([*MSLINT, "tree"], repeat, work, before=forget)
        warm = median([*MSLINT, "tree"], max(repeat, 3), work)
        shards = [median([*MSLINT, "--no-cache", "--shard", f"{index}/2", "tree"], repeat, work) for index in (1, 2)]
        show("ast.parse of every file", parse)
        show("pylint --disable=all --enable=unused-import", bare)
        show("mslint check --no-cache -j 1", serial)
        show("mslint check --no-cache -j 2", parallel)
        show("mslint check, cold cache", cold)
        show("mslint check, warm cache (every file a hit)", warm)
        for index, shard in enumerate(shards, 1):
            show(f"mslint check --no-cache --shard {index}/2", shard)
        ratio("mslint -j 1 / bare pylint", serial, bare, "<= 1.2x CPU")
        ratio("mslint -j 1 / ast.parse", serial, parse, "-")
        ratio("-j 1 / -j 2 (speed-up)", serial, parallel, ">= 1.6x wall on an idle machine")
        ratio("slowest shard of 2 / -j 1", max(shards, key=lambda shard: shard.cpu), serial, "~0.5x CPU")
        print(f"  {'warm cache, CPU':<44} {warm.cpu:.3f} s, python -c pass {start.cpu:.3f} s   (goal <= 0.1 s on 51.6k lines); {load()}")


def measure_module(classes: int, doublings: int) -> None:
    print(f"\nA generated module of small Cells doubled {doublings} times (mslint check --no-cache, one run each); {load()}")
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "small_cells.py"
        for count in (classes * 2**step for step in range(doublings + 1)):
            path.write_text(small_cells(count), encoding="utf-8")
            runs = {
                "mslint": median([*MSLINT, "--no-cache", path.name], 1, path.parent),
                "pylint bare": median([*BARE_PYLINT, path.name], 1, path.parent),
                "ast.parse": median([PYTHON, "-c", "import ast, sys; ast.parse(open(sys.argv[1], 'rb').read())", path.name], 1, path.parent),
            }
            figures = "   ".join(f"{name} {1000 * run.cpu / count:6.2f} ms/class" for name, run in runs.items())
            print(f"  {count:>6} classes {path.stat().st_size / 1e6:5.2f} MB   {figures}   mslint peak {runs['mslint'].peak_mb:5.0f} MB", flush=True)


def measure_large(source: Path) -> None:
    files, lines = lines_of(source)
    print(f"\n{source}: {files} files, {lines} lines (in place, no cache); {load()}")
    show("ast.parse of every file", median([*AST_PARSE, str(source)], 1))
    large: Measure = median([*MSLINT, "--no-cache", "-j", "2", str(source)], 1)
    show("mslint check --no-cache -j 2", large)
    print(f"  goal: <= 180 s wall on an idle machine, <= 1024 MB peak; {load()}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("trees", nargs="*", type=Path)
    parser.add_argument("--classes", type=int, default=250, help="classes of the smallest generated module")
    parser.add_argument("--doublings", type=int, default=4)
    parser.add_argument("--large", type=Path, help="a large tree: ast.parse and mslint -j 2 only")
    parser.add_argument("--repeat", type=int, default=1, help="runs per figure (median); the warm cache: at least 3")
    options = parser.parse_args()
    # as when installed: bytecode compiled once (kept out of the checkout), not compiled again by every run
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = os.environ.get("PYTHONPYCACHEPREFIX") or tempfile.mkdtemp(prefix="mslint-pycache-")
    for tree in options.trees:
        measure_tree(tree.resolve(), options.repeat)
    if options.doublings >= 0:
        measure_module(options.classes, options.doublings)
    if options.large:
        measure_large(options.large.resolve())
    return 0


if __name__ == "__main__":
    sys.exit(main())
