"""Write ``mslint/knowledge/data/mindtorch_support.json``: MSAdapter (MindTorch)'s published PyTorch support tables.

Usage:
  ``python scripts/gen_mindtorch_support.py --mine DOCS_CHECKOUT``  re-mine ``scripts/data/mindtorch_support.csv`` from a
      checkout of https://github.com/mindspore-ai/docs (branch master, ``docs/msadapter/docs/source_zh_cn/note/``: the
      only branch that has the MSAdapter pages, published at https://www.mindspore.cn/msadapter/docs/zh-CN/master/);
  ``python scripts/gen_mindtorch_support.py [--check]``  build the JSON from that CSV and the hand-curated
      ``mslint/knowledge/data/mindtorch_curated.toml`` (the documented constraints with the section stating each, what
      the PyPI packages do beside the installed MindSpore); imports neither torch nor MindSpore. ``--check`` compares.

The oracle sample (rows whose behaviour ``tests/oracle/test_mindtorch_support.py`` probes) is drawn here with a fixed
seed, so the drawn names are part of the shipped data.
"""

from __future__ import annotations

import argparse
import csv
import json
import random
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from generated_file import write_or_check

from mslint.core.tomlcompat import tomllib

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MINED = HERE / "data" / "mindtorch_support.csv"
DATA = ROOT / "mslint" / "knowledge" / "data"
CURATED = DATA / "mindtorch_curated.toml"
OUT = DATA / "mindtorch_support.json"
COMMAND = "python scripts/gen_mindtorch_support.py"

BRANCH = "master"
NOTES = "docs/msadapter/docs/source_zh_cn/note"
PUBLISHED = "https://www.mindspore.cn/msadapter/docs/zh-CN/master/note/{page}.html"
TABLE_PAGES = ("torch", "torch_nn", "nn_functional", "tensor", "optim")  # pytorch_api_supporting_<page>.md
OVERVIEW_PAGE = "overview"
# kind: api (a row of an API table), module (a row of the overview's module table), mixing (a MindSpore Tensor member
# that `import torch` changes, from the overview's mixing section).
FIELDS = ("name", "kind", "status", "constraint", "section", "source")
STATUSES = {"Stable": "stable", "Beta": "beta", "Not Support": "not-supported", "部分支持": "partial", "不支持": "not-supported"}
SAMPLE_SEED = 2024
SAMPLE_SIZES = {"not-supported": 40, "stable": 20}
# Names probed only on a device this CPU machine lacks are not drawn.
DEVICE_BOUND = re.compile(r"cuda|xpu|npu|mps|ipu|hpu|pin_memory|is_pinned|record_stream")

_LINK = re.compile(r"\[([^\]]+)\]\(([^)]+)\)")
_IDENTIFIER = r"[A-Za-z_][A-Za-z0-9_]*"
_NAME = rf"{_IDENTIFIER}(?![A-Za-z0-9_]|默认)"  # in a list of argument names: not the "dim" of "..._stacklevel、dim默认值..."
_NAMES = rf"{_NAME}(?:、{_NAME})*"
_UNSUPPORTED = re.compile(rf"(?:入参不支持|不支持)({_NAMES})")
_IGNORED = (re.compile(rf"(?:参数)?({_NAMES})(?:参数)?可以传入[，,]?但(?:是这些参数)?不生效"), re.compile(rf"可传入({_NAMES})参数，但不会生效"))
_DEFAULTS = (  # (pattern, group of the argument, of torch's default, of the layer's default); "torch没有/无默认值": torch has none
    (re.compile(rf"({_IDENTIFIER})默认值torch为([^，、；]+)[，、]msadapter为([^，、；]+)"), 1, 2, 3),
    (re.compile(rf"默认值({_IDENTIFIER})为([^，、；]+)，torch为([^，、；]+)"), 1, 3, 2),
    (re.compile(rf"(?:参数)?({_IDENTIFIER})(?:参数|入参)?(?:有|具有)默认值([^，、；]+)，torch(?:没有|无默认值)"), 1, None, 2),
)
_DTYPE = r"(?:bf16|fp16|fp32|fp64|uint8|int8|int16|int32|int64|bool|float|complex64|complex128)"
_DTYPES = re.compile(rf"^(?:支持)?({_DTYPE}(?:、{_DTYPE})*)$")
TYPOS = {"require_grad": "requires_grad", "diagnoal": "diagonal"}  # argument names misspelt in the tables


def _git(checkout: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(checkout), *args], capture_output=True, text=True, check=True).stdout


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def mine(checkout: Path) -> list[dict[str, str]]:
    """One row per table row of the five API pages, the overview's module table and its list of changed Tensor members."""
    commit = _git(checkout, "rev-parse", BRANCH).strip()
    rows: list[dict[str, str]] = []
    for page in (*TABLE_PAGES, OVERVIEW_PAGE):
        stem = f"pytorch_api_supporting_{page}"
        path = f"{NOTES}/{stem}.md"
        source = f"{PUBLISHED.format(page=stem)} (mindspore-ai/docs {BRANCH}@{commit[:12]}:{path})"
        section = ""
        for line in _git(checkout, "show", f"{BRANCH}:{path}").splitlines():
            if line.startswith("#"):
                section = line.lstrip("#").strip()
            if not line.startswith("|") or line.startswith("|-"):
                continue
            cells = _cells(line)
            link = _LINK.match(cells[0])
            if link and len(cells) == 3:  # |[nn.Conv1d](https://pytorch.org/docs/2.1/generated/torch.nn.Conv1d.html)|Beta|...|
                name = link.group(2).rsplit("/", 1)[1].removesuffix(".html")
                constraint = "" if cells[2] == "N/A" else cells[2].replace("<br>", "").strip()
                rows.append({"name": name, "kind": "api", "status": STATUSES[cells[1]], "constraint": constraint, "section": section, "source": source})
            elif page == OVERVIEW_PAGE and cells[0].startswith("torch") and cells[1] in STATUSES:  # |torch.amp|不支持|
                rows.append({"name": cells[0].replace("\\", ""), "kind": "module", "status": STATUSES[cells[1]], "constraint": "", "section": section, "source": source})
            elif page == OVERVIEW_PAGE and cells[0].startswith("mindspore.Tensor"):  # |mindspore.Tensor/mindspore.StubTensor|is_shared, ...|
                for member in cells[1].replace("\\", "").split(","):
                    rows.append({"name": f"mindspore.Tensor.{member.strip()}", "kind": "mixing", "status": "changed-by-import-torch", "constraint": "",
                                 "section": section, "source": source})
    return rows


def _names(pattern: re.Pattern[str], text: str) -> list[str]:
    return [TYPOS.get(name, name) for match in pattern.finditer(text) for name in match.group(1).split("、")]


def parse_constraint(text: str) -> dict[str, Any]:
    """The structured part of a constraint cell (Chinese prose); the cell itself is kept verbatim beside it."""
    parts = [part.strip() for part in re.split("[；;]", text) if part.strip()]
    ignored = sorted({name for part in parts for pattern in _IGNORED for name in _names(pattern, part)})
    stated = [part for part in parts if not any(pattern.search(part) for pattern in _IGNORED)]
    out_only = re.compile(r"不支持(\w+?)出参")
    unsupported = {name for part in stated for name in _names(_UNSUPPORTED, out_only.sub(r"不支持\1", part))}
    defaults: dict[str, list[str | None]] = {}
    for part in parts:
        for pattern, argument, torch_default, layer_default in _DEFAULTS:
            for match in pattern.finditer(part):
                defaults[match.group(argument)] = [match.group(torch_default) if torch_default else None, match.group(layer_default)]
    dtypes = [match.group(1).split("、") for part in parts if (match := _DTYPES.match(part.split("支持数据类型：", 1)[-1]))]
    parsed: dict[str, Any] = {}
    if unsupported - set(ignored):
        parsed["unsupported_args"] = sorted(unsupported - set(ignored))
    if ignored:
        parsed["ignored_args"] = ignored
    if defaults:
        parsed["defaults_diff"] = dict(sorted(defaults.items()))
    if dtypes:
        parsed["dtypes"] = dtypes[0]
    return parsed


def draw_sample(entries: dict[str, dict[str, Any]]) -> dict[str, list[str]]:
    """The rows the oracle test probes: a seeded draw per status, skipping device-bound names."""
    rng = random.Random(SAMPLE_SEED)
    return {status: sorted(rng.sample(sorted(name for name, entry in entries.items() if entry["status"] == status and not DEVICE_BOUND.search(name)), size))
            for status, size in SAMPLE_SIZES.items()}


def _page(source: str) -> str:
    """The published page of a mined source ("<url> (mindspore-ai/docs <branch>@<commit>:<path>)"); ``docs`` maps it back."""
    return source.split(" ", 1)[0]


def build() -> dict[str, Any]:
    with MINED.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    curated = tomllib.loads(CURATED.read_text(encoding="utf-8"))
    entries: dict[str, dict[str, Any]] = {}
    for row in rows:
        if row["kind"] == "api":
            assert row["name"] not in entries, row["name"]
            entries[row["name"]] = {"status": row["status"], "constraint": row["constraint"], **parse_constraint(row["constraint"]),
                                    "section": row["section"], "source": _page(row["source"])}
    modules = {row["name"]: {"status": row["status"], "source": _page(row["source"])} for row in rows if row["kind"] == "module"}
    mixing = sorted(row["name"] for row in rows if row["kind"] == "mixing")
    overview = next(row["source"] for row in rows if row["kind"] == "module")
    constraints = [{**constraint, "apis": mixing if constraint["apis"] == ["<mixing>"] else constraint["apis"], "source": f"{overview} § {constraint['section']}"}
                   for constraint in curated["constraints"]]
    layer = {
        **curated["layer"],
        "docs": {_page(row["source"]): row["source"].split(" ", 1)[1].strip("()") for row in rows},
        "counts": dict(sorted(Counter(entry["status"] for entry in entries.values()).items())),
        "entries": dict(sorted(entries.items())),
        "modules": dict(sorted(modules.items())),
        "constraints": constraints,
        "packages": curated["packages"],
        "sample": {"seed": SAMPLE_SEED, "excluded": DEVICE_BOUND.pattern, "names": draw_sample(entries)},
    }
    meta = {"format": 1, "command": COMMAND, "mined": str(MINED.relative_to(ROOT)), "statuses": sorted(set(STATUSES.values())),
            "keys": "layers.<layer>.entries.<torch qualified name>: status, constraint (verbatim), unsupported_args, ignored_args, "
                    "defaults_diff {arg: [torch, layer]}, dtypes, section (table heading), source (page; docs maps it to repository@commit:path)"}
    return {"meta": meta, "layers": {"mindtorch": layer}}


def dumps(data: dict[str, Any]) -> str:
    """One line per entry, so a regeneration diffs by row."""
    layer = data["layers"]["mindtorch"]
    head = {key: value for key, value in layer.items() if key != "entries"}
    lines = ['{"meta":' + json.dumps(data["meta"], sort_keys=True, ensure_ascii=False) + ",", '"layers":{"mindtorch":{', '"entries":{']
    items = list(layer["entries"].items())
    for index, (name, entry) in enumerate(items):
        lines.append(json.dumps(name) + ":" + json.dumps(entry, sort_keys=True, ensure_ascii=False) + ("," if index < len(items) - 1 else ""))
    lines.append("},")
    lines.append(",\n".join(json.dumps(key) + ":" + json.dumps(value, sort_keys=True, ensure_ascii=False) for key, value in head.items()))
    lines.append("}}}")
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
    return write_or_check(OUT, dumps(build()), args.check, COMMAND)


if __name__ == "__main__":
    sys.exit(main())
