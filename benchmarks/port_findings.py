"""Per-rule finding counts of `mslint check --format json` reports, and a seeded sample for a hand review.

Usage:
    python benchmarks/port_findings.py counts BEFORE_DIR [AFTER_DIR]   # one JSON report per project in each dir
    python benchmarks/port_findings.py sample DIR --seed N --size 40 [--exclude NAME ...]

`sample` draws from every finding except `syntax-error` (sorted by path, line, column, symbol first, so the draw
depends only on the findings and the seed) and prints each with its source line, ready for a verdict.
Not a test: the numbers describe the scanned projects; report them, don't assert them.
"""

from __future__ import annotations

import argparse
import collections
import json
import random
from pathlib import Path


def reports(folder: Path) -> dict[str, list[dict]]:
    return {path.stem: json.loads(path.read_text(encoding="utf-8"))["findings"] for path in sorted(folder.glob("*.json"))}


def counts(folders: list[Path]) -> None:
    tables = [{name: collections.Counter(f["symbol"] for f in found) for name, found in reports(folder).items()} for folder in folders]
    for project in tables[0]:
        per_table = [table.get(project, collections.Counter()) for table in tables]
        print(f"{project}: " + " -> ".join(str(sum(c.values())) for c in per_table))
        for rule in sorted(set().union(*per_table)):
            print(f"  {rule:36s} " + " -> ".join(str(c.get(rule, 0)) for c in per_table))


def sample(folder: Path, seed: int, size: int, exclude: list[str]) -> None:
    found = [f for name, items in reports(folder).items() if name not in exclude for f in items if f["symbol"] != "syntax-error"]
    found.sort(key=lambda f: (f["path"], f["line"], f["column"], f["symbol"]))
    for number, finding in enumerate(random.Random(seed).sample(found, size), 1):
        lines = Path(finding["path"]).read_text(encoding="utf-8", errors="replace").splitlines()
        text = lines[finding["line"] - 1].strip() if finding["line"] <= len(lines) else ""
        print(f"{number:2d}. {finding['symbol']} {finding['path']}:{finding['line']} [{finding['confidence']}]")
        print(f"    {finding['message'][:200]}\n    | {text[:160]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    count = commands.add_parser("counts")
    count.add_argument("folders", type=Path, nargs="+")
    draw = commands.add_parser("sample")
    draw.add_argument("folder", type=Path)
    draw.add_argument("--seed", type=int, required=True)
    draw.add_argument("--size", type=int, default=40)
    draw.add_argument("--exclude", nargs="*", default=[])
    options = parser.parse_args()
    if options.command == "counts":
        counts(options.folders)
    else:
        sample(options.folder, options.seed, options.size, options.exclude)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
