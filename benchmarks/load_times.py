"""Time loading mslint's data files in a fresh process (the knowledge base, signatures, op metadata).

Usage: python benchmarks/load_times.py [--repeat N]

Prints the best time of each loader over N fresh interpreters. Not a test: the numbers depend on the
machine and its load; report them, don't assert them (the targets: a few tens of milliseconds each).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOADERS = {
    "op metadata": "from mslint.knowledge.ops_metadata import load_op_metadata as load; load()",
    "torch mapping + signatures": "import mslint.knowledge.mappings as k; k.load_torch_mapping(); k.load_signatures()",
}
PROBE = "import sys, time\nt = time.perf_counter()\n{code}\nprint(time.perf_counter() - t)"


def best_time(code: str, repeat: int) -> float:
    environment = {**os.environ, "PYTHONPATH": str(ROOT), "GLOG_v": "3"}
    runs = [subprocess.run([sys.executable, "-c", PROBE.format(code=code)], capture_output=True, text=True, check=True,
                           cwd=ROOT, env=environment).stdout for _ in range(repeat)]
    return min(float(out) for out in runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()
    for name, code in LOADERS.items():
        print(f"{name:<28} {1000 * best_time(code, options.repeat):7.1f} ms  (best of {options.repeat}, load {os.getloadavg()[0]:.1f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
