"""Time `mslint check` against the bare pylint framework and a default pylint run on a folder.

Usage: python benchmarks/bench.py FOLDER [--repeat N] [--jobs N]

Prints the best wall time of each command over N runs and the ratios. Not a test: the numbers
depend on the machine; report them, don't assert them.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path


def best_time(command: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "GLOG_v": "3"})
        best = min(best, time.perf_counter() - start)
    return best


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--jobs", type=int, default=1)
    options = parser.parse_args()
    lines = sum(len(path.read_bytes().splitlines()) for path in options.folder.rglob("*.py"))
    python = sys.executable
    jobs = f"--jobs={options.jobs}"
    commands = {
        "mslint check": [python, "-m", "mslint", "check", "-j", str(options.jobs), str(options.folder)],
        "pylint, bare framework": [python, "-m", "pylint", jobs, "--disable=all", "--enable=unused-import", str(options.folder)],
        "pylint, default checks": [python, "-m", "pylint", jobs, str(options.folder)],
        "pylint + mslint plugin": [python, "-m", "pylint", jobs, "--load-plugins=mslint", str(options.folder)],
    }
    times = {name: best_time(command, options.repeat) for name, command in commands.items()}
    print(f"{options.folder}: {lines} lines, best of {options.repeat}, jobs={options.jobs}")
    for name, seconds in times.items():
        print(f"  {name:<24} {seconds:7.2f} s  ({lines / seconds:8.0f} lines/s)")
    bare, full = times["pylint, bare framework"], times["pylint, default checks"]
    print(f"  mslint check / bare pylint framework: {times['mslint check'] / bare:.2f}x")
    print(f"  mslint check / default pylint:        {times['mslint check'] / full:.2f}x")
    print(f"  plugin overhead on default pylint:    {times['pylint + mslint plugin'] / full:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
