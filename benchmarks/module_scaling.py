"""Cost per class as a generated module doubles: mslint's cost must grow linearly with the size of a module.

Usage:
  python benchmarks/module_scaling.py [--classes 625] [--doublings 4] [--megabytes 5]
  python benchmarks/module_scaling.py --write OUTPUT --classes 2500      (write one module, e.g. to profile it)

The module is issue 30's file of small Cells: each class an ``__init__`` with a Conv2d, a ReLU and a list, and a
``construct``. Each size is checked by ``mslint check --no-cache`` in a child process (CPU time from the kernel,
peak memory); the time per class stays flat when the cost is linear. ``--megabytes`` adds one run on a module of
that size (issue 30's 5 MB file, 10,660 classes: goal <= 60 s, <= 1 GB). Not a test: report the numbers.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench import load, run_once  # noqa: E402  (benchmarks/ is not a package)

HEADER = '''"""Generated: many small MindSpore cells."""
from mindspore import nn


'''

CELL = '''class SmallCell{n}(nn.Cell):
    """Small cell {n}."""

    def __init__(self, channels=16):
        super().__init__()
        self.conv = nn.Conv2d(channels, channels, 3, pad_mode="same")
        self.relu = nn.ReLU()
        self.widths = [channels, channels * 2, channels * 4]
        self.label = "small_cell_{n}"

    def construct(self, x):
        """Convolution, activation, residual."""
        y = self.relu(self.conv(x))
        return y * len(self.widths) + x


'''


def small_cells(classes: int) -> str:
    """The source of a module of ``classes`` small Cells."""
    return HEADER + "".join(CELL.format(n=number) for number in range(classes))


def classes_for(size: int) -> int:
    """How many small Cells make a module of at least ``size`` bytes."""
    return max(1, -(-(size - len(HEADER)) // len(CELL.format(n=99999))))


def measure(path: Path, classes: int) -> None:
    result = run_once([sys.executable, "-m", "mslint", "check", "--no-cache", str(path)], path.parent)
    per_class = 1000 * result.cpu / classes
    print(f"  {classes:>6} classes {path.stat().st_size / 1e6:6.2f} MB   cpu {result.cpu:7.2f} s   "
          f"{per_class:6.2f} ms/class   wall {result.wall:7.2f} s   peak {result.peak_mb:6.0f} MB   ({load()})", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--classes", type=int, default=625, help="classes of the smallest module")
    parser.add_argument("--doublings", type=int, default=4)
    parser.add_argument("--megabytes", type=float, default=5.0, help="size of one more module (0: none)")
    parser.add_argument("--write", type=Path, help="only write a module of --classes classes here")
    options = parser.parse_args()
    if options.write:
        options.write.write_text(small_cells(options.classes), encoding="utf-8")
        return 0
    print(f"mslint check --no-cache on a generated module of small Cells ({os.cpu_count()} cores)")
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "small_cells.py"
        sizes = [options.classes * 2**step for step in range(options.doublings + 1)]
        if options.megabytes:
            sizes.append(classes_for(int(options.megabytes * 1_000_000)))
        for classes in sizes:
            path.write_text(small_cells(classes), encoding="utf-8")
            measure(path, classes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
