"""Write ``mslint/knowledge/data/tf_mapping.json``: the TensorFlow -> MindSpore API mapping.

Usage:
  ``python scripts/gen_tf_mapping.py --mine DOCS_CHECKOUT``  re-mine ``scripts/data/tf_api_mapping.csv`` from a
      checkout of https://github.com/mindspore-ai/docs (branches r2.1 and r1.5, the last releases whose docs have
      the "TensorFlow and MindSpore API Mapping Table"; later releases dropped it);
  ``python scripts/gen_tf_mapping.py [--check]``  build the JSON from that CSV, the hand-curated
      ``mslint/knowledge/data/tf_mapping_curated.toml`` (TensorFlow 1.x idioms the table does not list) and the installed
      MindSpore (whether each target exists); ``--check`` compares instead of writing.
"""

from __future__ import annotations

import argparse
import csv
import importlib
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from generated_file import write_or_check

from mslint.core.tomlcompat import tomllib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MINED = HERE / "data" / "tf_api_mapping.csv"
CURATED = ROOT / "mslint" / "knowledge" / "data" / "tf_mapping_curated.toml"
OUT = ROOT / "mslint" / "knowledge" / "data" / "tf_mapping.json"
COMMAND = "python scripts/gen_tf_mapping.py"
# (docs branch, table path, published page); r2.1 first: a name it lists wins over r1.5's row.
TABLES = (
    ("r2.1", "docs/mindspore/source_en/note/api_mapping/tensorflow_api_mapping.md", "https://www.mindspore.cn/docs/en/r2.1/note/api_mapping/tensorflow_api_mapping.html"),
    ("r1.5", "docs/mindspore/migration_guide/source_en/api_mapping/tensorflow_api_mapping.md", "https://www.mindspore.cn/docs/migration_guide/en/r1.5/api_mapping/tensorflow_api_mapping.html"),
)
FIELDS = ("tf", "ms", "status", "diff", "tf_version", "source")
STATUSES = ("consistent", "renamed-args", "diff", "listed", "no-equivalent")
_LINK = re.compile(r"\[+([^\]]+)\]\(([^)]*)\)")


def _status(description: str) -> tuple[str, str]:
    """(status, diff page URL) of a table row's description cell."""
    links = _LINK.findall(description)
    if links:
        return "diff", links[0][1]
    text = description.strip().lower()
    if text.startswith("consistent"):
        return "consistent", ""
    if "parameter names are inconsistent" in text:
        return "renamed-args", ""
    return "listed", ""


def mine(checkout: Path) -> list[dict[str, str]]:
    """Rows of the mapping tables: one per (TensorFlow name, MindSpore name) pair."""
    rows: list[dict[str, str]] = []
    seen: set[str] = set()
    for branch, path, page in TABLES:
        commit = subprocess.run(["git", "-C", str(checkout), "rev-parse", branch], capture_output=True, text=True, check=True).stdout.strip()
        text = subprocess.run(["git", "-C", str(checkout), "show", f"{branch}:{path}"], capture_output=True, text=True, check=True).stdout
        version = ""
        listed: set[str] = set()
        for line in text.splitlines():
            heading = re.match(r"^#+ TensorFlow (\d[\d.]*)", line) or re.match(r"^\| *TensorFlow (\d[\d.]*) APIs", line)
            if heading:
                version = heading.group(1)
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")] if line.startswith("|") else []
            if len(cells) < 2 or not cells[0].startswith("[") or "tf" not in cells[0]:
                continue
            tf_names = [name.strip("[") for name, _ in _LINK.findall(cells[0]) if name.strip("[").startswith(("tf.", "tfp."))]
            ms_names = [name for name, _ in _LINK.findall(cells[1])] or [cells[1]]
            status, diff = _status(cells[2] if len(cells) > 2 else "")
            for tf_name in tf_names:
                if tf_name in seen:
                    continue
                listed.add(tf_name)
                for ms_name in ms_names:
                    rows.append({"tf": tf_name, "ms": ms_name.strip(), "status": status, "diff": diff, "tf_version": version or "1.15",
                                 "source": f"{page} (mindspore-ai/docs {branch}@{commit[:12]}:{path})"})
        seen |= listed
    return rows


def resolves(qualname: str) -> bool:
    """Whether the installed MindSpore has ``qualname`` (a module, class, function or attribute)."""
    if not re.fullmatch(r"mindspore(\.\w+)+", qualname):
        return False
    parts = qualname.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attribute in parts[cut:]:
            if not hasattr(obj, attribute):
                return False
            obj = getattr(obj, attribute)
        return True
    return False


def build() -> dict[str, Any]:
    import mindspore

    entries: dict[str, dict[str, Any]] = {}
    with MINED.open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            entry = entries.setdefault(row["tf"], {"ms": [], "status": row["status"], "diff": row["diff"] or None, "note": "",
                                                   "tf_version": row["tf_version"], "source": row["source"]})
            entry["ms"].append(row["ms"])
    curated = tomllib.loads(CURATED.read_text(encoding="utf-8"))
    for name, fields in curated.items():
        base = entries.get(name, {"ms": [], "status": "no-equivalent", "diff": None, "note": "", "tf_version": "1.x", "source": ""})
        entries[name] = {**base, **fields, "source": fields.get("source", base["source"])}
    for name, entry in entries.items():
        assert entry["status"] in STATUSES, (name, entry["status"])
        assert entry["source"], name
        entry["available"] = [resolves(target) for target in entry["ms"]]
    return {
        "meta": {"format": 1, "mindspore": mindspore.__version__, "command": COMMAND, "statuses": list(STATUSES)},
        "entries": dict(sorted(entries.items())),
    }


def dumps(data: dict[str, Any]) -> str:
    lines = ['{"meta":' + json.dumps(data["meta"], sort_keys=True) + ",", '"entries":{']
    items = list(data["entries"].items())
    for index, (name, entry) in enumerate(items):
        lines.append(json.dumps(name) + ":" + json.dumps(entry, sort_keys=True, ensure_ascii=False) + ("," if index < len(items) - 1 else ""))
    lines.append("}}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs")
    parser.add_argument("--mine", type=Path, metavar="DOCS_CHECKOUT", help="re-mine the CSV from a mindspore-ai/docs git checkout")
    args = parser.parse_args()
    if args.mine:
        rows = mine(args.mine)
        with MINED.open("w", encoding="utf-8", newline="") as stream:
            writer = csv.DictWriter(stream, FIELDS, lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        print(f"wrote {MINED} ({len(rows)} rows)")
        return 0
    text = dumps(build())
    return write_or_check(OUT, text, args.check, COMMAND)


if __name__ == "__main__":
    sys.exit(main())
