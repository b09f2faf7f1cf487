"""mslint's performance figures side by side, in one run (issue 17): mslint vs the bare pylint framework with and
without MindSpore installed, the plugin's cost inside a default pylint run, cold/warm cache, -j 2, a large file.

Usage:
  python benchmarks/bench.py --models MINDCV_MODELS --tree TREE --noms-python VENV/bin/python [--repeat 3]

``--models``: mindcv's ``mindcv/models``; ``--tree``: a folder with more code (mindcv/models plus torchvision's
models: the cache and -j figures); ``--noms-python``: the python of a venv with pylint, astroid, sarif-om and tomli
but no MindSpore. Every command runs in a child process; its CPU time (user+sys, from the kernel), wall time and
peak memory are taken as the median of ``--repeat`` runs. The machine is shared: compare CPU figures, and read
wall figures (cache, -j) against the load average printed with them. Not a test: report the numbers, don't
assert them.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from large_file import generate  # noqa: E402  (benchmarks/ is not a package)


@dataclass(frozen=True)
class Measure:
    cpu: float
    wall: float
    peak_mb: float


def run_once(command: list[str], cwd: Path | None = None) -> Measure:
    environment = {**os.environ, "GLOG_v": "3", "PYTHONPATH": str(ROOT)}
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, _, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    return Measure(usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024)


def median(command: list[str], repeat: int, cwd: Path | None = None, before=None) -> Measure:
    runs = []
    for _ in range(repeat):
        if before is not None:
            before()
        runs.append(run_once(command, cwd))
    return Measure(*(statistics.median(getattr(run, field) for run in runs) for field in ("cpu", "wall", "peak_mb")))


def show(name: str, measure: Measure) -> None:
    print(f"  {name:<44} cpu {measure.cpu:7.2f} s   wall {measure.wall:7.2f} s   peak {measure.peak_mb:7.0f} MB")


def ratio(name: str, numerator: Measure, denominator: Measure, goal: str) -> None:
    print(f"  {name:<44} cpu {numerator.cpu / denominator.cpu:5.2f}x   wall {numerator.wall / denominator.wall:5.2f}x   (goal {goal})")


def load() -> str:
    return "load average %.1f %.1f %.1f on %d cores" % (*os.getloadavg(), os.cpu_count() or 0)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=Path, required=True)
    parser.add_argument("--tree", type=Path, required=True)
    parser.add_argument("--noms-python", required=True)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of the generated file (0: skip)")
    options = parser.parse_args()
    python, noms, repeat, models = sys.executable, options.noms_python, options.repeat, str(options.models)
    mslint = ["-m", "mslint", "check"]
    bare = ["-m", "pylint", "--disable=all", "--enable=unused-import"]
    print(f"median of {repeat}; {load()}")

    print(f"{models} without MindSpore ({noms})")
    noms_mslint = median([noms, *mslint, "--no-cache", models], repeat)
    noms_bare = median([noms, *bare, models], repeat)
    show("mslint check --no-cache", noms_mslint)
    show("pylint --disable=all --enable=unused-import", noms_bare)
    print(f"{models} with MindSpore ({python})")
    ms_mslint = median([python, *mslint, "--no-cache", models], repeat)
    ms_bare = median([python, *bare, models], repeat)
    default = median([python, "-m", "pylint", models], repeat)
    plugin = median([python, "-m", "pylint", "--load-plugins=mslint", models], repeat)
    show("mslint check --no-cache", ms_mslint)
    show("pylint --disable=all --enable=unused-import", ms_bare)
    show("pylint (default checks)", default)
    show("pylint --load-plugins=mslint", plugin)

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        tree = work / "tree"
        shutil.copytree(options.tree, tree)
        lines = sum(len(path.read_bytes().splitlines()) for path in tree.rglob("*.py"))
        print(f"{options.tree} ({lines} lines, copied; cache in the copy); {load()}")
        forget = lambda: shutil.rmtree(work / ".mslint_cache", ignore_errors=True)  # noqa: E731
        cold = median([python, *mslint, "tree"], repeat, work, before=forget)
        warm = median([python, *mslint, "tree"], repeat, work)
        leaves = sorted(path for path in tree.rglob("*.py") if not path.name.startswith("_"))
        edited = leaves[len(leaves) // 2]
        edits = iter(range(1_000_000))
        append = lambda: edited.write_text(edited.read_text(encoding="utf-8") + f"\n# edit {next(edits)}\n", encoding="utf-8")  # noqa: E731
        one_edit = median([python, *mslint, "tree"], repeat, work, before=append)
        print(f"  ({load()})")
        serial = median([python, *mslint, "--no-cache", "-j", "1", "tree"], repeat, work)
        print(f"  ({load()})")
        parallel = median([python, *mslint, "--no-cache", "-j", "2", "tree"], repeat, work)
        print(f"  ({load()})")
        show("mslint check, cold cache", cold)
        show("mslint check, warm cache", warm)
        show(f"mslint check, one file edited ({edited.name})", one_edit)
        show("mslint check --no-cache -j 1", serial)
        show("mslint check --no-cache -j 2", parallel)

        if options.megabytes:
            large = work / "large.py"
            large.write_text(generate(int(options.megabytes * 1_000_000)), encoding="utf-8")
            print(f"generated file of {large.stat().st_size / 1e6:.1f} MB; {load()}")
            big = median([python, *mslint, "--no-cache", str(large)], 1, work)
            show("mslint check --no-cache (1 run)", big)

    print("ratios")
    ratio("mslint / bare pylint, without MindSpore", noms_mslint, noms_bare, "<= 1.2x")
    ratio("mslint / bare pylint, with MindSpore", ms_mslint, ms_bare, "-")
    ratio("pylint + plugin / default pylint", plugin, default, "<= 1.10x")
    ratio("cold / warm cache", cold, warm, "warm < 1 s wall")
    ratio("-j 1 / -j 2 (speed-up)", serial, parallel, ">= 1.7x wall")
    if options.megabytes:
        print(f"  {'generated file':<44} {big.wall:.1f} s wall, {big.cpu:.1f} s cpu, peak {big.peak_mb:.0f} MB (goal <= 1024 MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
