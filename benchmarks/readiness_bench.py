"""Measure `mslint readiness` on a folder: wall time, CPU time and peak memory of the whole process tree.

Usage: python benchmarks/readiness_bench.py FOLDER [--jobs N] [--repeat N] [--top N]

Prints, per run, the wall time, the CPU time (user + system, the command and its worker processes) and the
peak resident memory summed over the process tree (sampled every 50 ms from /proc), with the load average
(on a shared machine the wall time mostly measures the other processes). Then the report's counts by status,
its risks and the top blockers by effort. Not a test: report the numbers, don't assert them.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path


def _children(pid: int) -> list[int]:
    try:
        with open(f"/proc/{pid}/task/{pid}/children", encoding="ascii") as stream:
            return [int(child) for child in stream.read().split()]
    except OSError:
        return []


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and its descendants, in bytes."""
    total, pending = 0, [pid]
    while pending:
        current = pending.pop()
        try:
            with open(f"/proc/{current}/statm", encoding="ascii") as stream:
                total += int(stream.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
        except OSError:
            continue
        pending += _children(current)
    return total


def measure(command: list[str]) -> tuple[float, float, int]:
    """(wall seconds, CPU seconds of the tree, peak tree RSS in bytes) of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env={**os.environ, "GLOG_v": "3"})
    peak = 0

    def sample() -> None:
        nonlocal peak
        while process.poll() is None:
            peak = max(peak, _tree_rss(process.pid))
            time.sleep(0.05)

    sampler = threading.Thread(target=sample)
    sampler.start()
    _, errors = process.communicate()
    wall = time.perf_counter() - start
    sampler.join()
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{errors.decode(errors='replace')[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, peak


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--top", type=int, default=10)
    options = parser.parse_args()
    lines = sum(len(path.read_bytes().splitlines()) for path in options.folder.rglob("*.py"))
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "report.json"
        command = [sys.executable, "-m", "mslint", "readiness", str(options.folder), "-j", str(options.jobs), "--no-progress",
                   "--format", "json", "--output", str(output)]
        print(f"{options.folder}: {lines} lines, -j {options.jobs}")
        for _ in range(options.repeat):
            load = os.getloadavg()[0]
            wall, cpu, peak = measure(command)
            print(f"  wall {wall:6.1f} s  cpu {cpu:6.1f} s  peak memory {peak / 2**20:6.0f} MiB  (load average {load:.1f}, "
                  f"{os.cpu_count()} cores)")
        data = json.loads(output.read_text(encoding="utf-8"))
    summary = data["summary"]
    print(f"  score {summary['score']}, effort {summary['effort']:g}, {summary['uses']} uses in {summary['files_using_torch']} "
          f"of {summary['files']} files")
    print("  by status: " + ", ".join(f"{status} {count}" for status, count in summary["by_status"].items()))
    print("  risks: " + ", ".join(f"{kind} {count}" for kind, count in summary["risks"].items()))
    print(f"  top {options.top} blockers by effort:")
    for index, row in enumerate(data["blockers"][: options.top], start=1):
        print(f"    {index:>2}. {row['effort']:>7g}  {row['name']} [{row['status']}, {row['change']}] {row['count']} places")
    return 0


if __name__ == "__main__":
    sys.exit(main())
