"""Recall of mslint on the verified defects, per kind and half, and findings per 5,000 lines on control trees.

Usage: ``python benchmarks/defects/score.py CORPORA_ROOT [--half development|held-out] [--profile migration] [--jobs N]
[--misses] [--no-controls]``

``CORPORA_ROOT/<owner>+<name>/`` holds each table's repository at its commit (``export_trees.py`` writes them from
local git snapshots); nothing is fetched. For each port the files its table lists are linted with mslint's default
settings (or the profile given: a team porting a project sets ``profile = "migration"``); a defect counts as found when a finding on its path and line matches its regex (``<symbol> <message>``).
The controls (``controls.toml``: idiomatic MindSpore trees) are linted whole. Not a test: report the figures.
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import tomllib

HERE = Path(__file__).resolve().parent
TABLE_DIR = HERE / "table"
CONTROLS = HERE / "controls.toml"
HALVES = ("development", "held-out")
LINES_PER_UNIT = 5000


@dataclass(frozen=True)
class Defect:
    repository: str
    half: str
    path: str
    line: int
    kind: str
    regex: str

    @property
    def folder(self) -> str:
        return self.repository.replace("/", "+")


def load_tables(folder: Path = TABLE_DIR) -> list[dict]:
    return [tomllib.loads(path.read_text(encoding="utf-8")) for path in sorted(folder.glob("*.toml"))]


def defects_of(tables: list[dict]) -> list[Defect]:
    return [
        Defect(table["repository"], table["half"], row["path"], row["line"], row["kind"], row["regex"])
        for table in tables
        for row in table.get("defect", ())
    ]


def lint_files(paths: list[Path], jobs: int, profile: str | None = None) -> list:
    from mslint.run import LintSettings, lint

    return lint([str(path) for path in paths], LintSettings(jobs=jobs, profile=profile))


def found(defect: Defect, by_place: dict[tuple[str, int], list[str]], root: Path) -> bool:
    path = str((root / defect.folder / defect.path).resolve())
    return any(re.search(defect.regex, text) for text in by_place.get((path, defect.line), ()))


def recall_table(defects: list[Defect], hits: set[Defect]) -> list[str]:
    lines = []
    for half in HALVES:
        chosen = [d for d in defects if d.half == half]
        if not chosen:
            continue
        per_kind: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0])
        for defect in chosen:
            per_kind[defect.kind][0] += defect in hits
            per_kind[defect.kind][1] += 1
        total = sum(found for found, _ in per_kind.values())
        repositories = len({d.repository for d in chosen})
        lines.append(f"{half}: recall {total}/{len(chosen)} = {100 * total / len(chosen):.1f} % ({repositories} repositories)")
        for kind, (hit, count) in sorted(per_kind.items(), key=lambda item: (-item[1][1], item[0])):
            lines.append(f"  {kind:40s} {hit:3d}/{count:<3d}")
    return lines


def control_figures(root: Path, jobs: int) -> list[str]:
    lines = []
    for control in tomllib.loads(CONTROLS.read_text(encoding="utf-8"))["control"]:
        folder = root / control["repository"].replace("/", "+") / control["path"]
        if not folder.is_dir():
            lines.append(f"control {control['repository']}/{control['path']}: missing under {root}")
            continue
        files = sorted(folder.rglob("*.py"))
        line_count = sum(len(path.read_bytes().splitlines()) for path in files)
        findings = [f for f in lint_files(files, jobs) if f.symbol.startswith("ms-")]
        rate = LINES_PER_UNIT * len(findings) / max(line_count, 1)
        lines.append(f"control {control['repository']}/{control['path']} @ {control['commit'][:12]}: {len(findings)} findings in {line_count} lines = {rate:.2f} per {LINES_PER_UNIT}")
        lines.extend(f"  {f.path}:{f.line} {f.symbol}" for f in findings)
    return lines


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpora", type=Path)
    parser.add_argument("--half", choices=HALVES)
    parser.add_argument("--jobs", type=int, default=1)
    parser.add_argument("--misses", action="store_true", help="list the defects not found")
    parser.add_argument("--no-controls", action="store_true")
    parser.add_argument("--profile", choices=("default", "migration"), help="lint the ports with this profile (controls: always default)")
    options = parser.parse_args(argv)
    root = options.corpora.resolve()
    defects = [d for d in defects_of(load_tables()) if options.half in (None, d.half)]
    files = sorted({(root / d.folder / d.path) for d in defects})
    missing = [path for path in files if not path.is_file()]
    if missing:
        print(f"{len(missing)} listed files are missing under {root} (run export_trees.py): {missing[:3]}", file=sys.stderr)
        return 2
    by_place: dict[tuple[str, int], list[str]] = collections.defaultdict(list)
    for finding in lint_files(files, options.jobs, options.profile):
        by_place[(str(Path(finding.abspath).resolve()), finding.line)].append(f"{finding.symbol} {finding.message}")
    hits = {d for d in defects if found(d, by_place, root)}
    print("\n".join(recall_table(defects, hits)))
    if options.misses:
        for defect in sorted(set(defects) - hits, key=lambda d: (d.half, d.repository, d.path, d.line)):
            shown = "; ".join(by_place.get((str((root / defect.folder / defect.path).resolve()), defect.line), ())) or "no finding"
            print(f"MISS {defect.half} {defect.kind} {defect.repository}/{defect.path}:{defect.line} -- {shown[:160]}")
    if not options.no_controls:
        print("\n".join(control_figures(root, options.jobs)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
