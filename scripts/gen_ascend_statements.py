"""Generate ``mslint/knowledge/data/ascend_statements.json``: every Ascend-specific statement in the docstrings of
the installed MindSpore, with the API it belongs to.

Usage (from the repository root)::

    GLOG_v=3 python scripts/gen_ascend_statements.py            # writes mslint/knowledge/data/ascend_statements.json
    GLOG_v=3 python scripts/gen_ascend_statements.py --check    # exit 1 if the shipped file differs

A statement is a docstring paragraph or bullet (outside ``Examples`` and ``Supported Platforms``) that
mentions Ascend, Atlas, AICPU, 910 or 310 (with the bullets that follow it when it ends with a colon); a
paragraph longer than ``MAX_UNIT`` characters is reduced to
its matching sentences. APIs whose docstring only refers to another one ("Refer to :func:`X`") carry no
statement of their own. Each statement is keyed ``<api>#<hash>``, where the hash is taken over the
whitespace-normalised text, so a key survives unrelated docstring edits. The curated classification of
every statement is ``mslint/knowledge/data/ascend_classification.toml``.
"""
from __future__ import annotations

import argparse
import hashlib
import importlib
import inspect
import json
import re
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import gen_op_metadata as opmeta  # noqa: E402
from generated_file import write_or_check  # noqa: E402

COMMAND = "GLOG_v=3 python scripts/gen_ascend_statements.py"
OUT = Path(__file__).resolve().parent.parent / "mslint" / "knowledge" / "data" / "ascend_statements.json"
FORMAT_VERSION = 1
MAX_UNIT = 400
# Besides the op namespaces of gen_op_metadata: the top level (set_context, set_deterministic, ...),
# mixed precision, training, communication and the optimizers.
EXTRA_NAMESPACES = (
    "mindspore",
    "mindspore.amp",
    "mindspore.train",
    "mindspore.communication",
    "mindspore.experimental.optim",
)


def statement_key(api: str, text: str) -> str:
    return f"{api}#{text_hash(text)}"


def text_hash(text: str) -> str:
    """A short hash of the whitespace-normalised text (stable across re-wrapping)."""
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


def statements(doc: str) -> list[tuple[str, str]]:
    """(section, text) of every Ascend-specific paragraph or sentence of a docstring. A paragraph that ends
    with a colon keeps the bullets that follow it ("On Ascend, the behavior is unpredictable in the
    following cases: - ...")."""
    found: list[tuple[str, str]] = []
    units = opmeta.units(opmeta.strip_examples(doc))
    for index, (section, unit) in enumerate(units):
        if section.startswith("supported platforms") or not opmeta.ASCEND_RE.search(unit):
            continue
        unit = re.sub(r"^[-*]\s+", "", unit)
        if unit.endswith(":"):
            for next_section, bullet in units[index + 1:]:
                if next_section != section or not bullet.startswith(("- ", "* ")):
                    break
                unit = f"{unit} {bullet}"
        parts = [unit] if len(unit) <= MAX_UNIT else [
            s.strip() for s in opmeta.SENTENCE_SPLIT_RE.split(unit) if opmeta.ASCEND_RE.search(s)
        ]
        for text in parts:
            if (section, text) not in found:
                found.append((section or "description", text))
    return found


def extra_objects(known: dict[str, Any]) -> dict[str, Any]:
    """Public callables of EXTRA_NAMESPACES that are not already covered under another name."""
    seen = {id(obj) for obj in known.values()}
    objs: dict[str, Any] = {}
    for ns in EXTRA_NAMESPACES:
        mod = importlib.import_module(ns)
        for name in sorted(getattr(mod, "__all__", ())):
            obj = getattr(mod, name, None)
            if obj is None or inspect.ismodule(obj) or not callable(obj) or id(obj) in seen:
                continue
            seen.add(id(obj))
            objs[f"{ns}.{name}"] = obj
    return objs


def build() -> dict[str, Any]:
    import mindspore

    objs, _, _ = opmeta.public_objects()
    objs.update(extra_objects(objs))
    rows: list[dict[str, str]] = []
    for api, obj in sorted(objs.items()):
        for section, text in statements(inspect.getdoc(obj) or ""):
            rows.append({"key": statement_key(api, text), "api": api, "section": section, "text": text})
    rows.sort(key=lambda row: row["key"])
    return {
        "meta": {
            "format_version": FORMAT_VERSION,
            "mindspore_version": mindspore.__version__,
            "generated_by": COMMAND,
            "statement_count": len(rows),
            "api_count": len({row["api"] for row in rows}),
        },
        "statements": rows,
    }


def render(data: dict[str, Any]) -> str:
    """Deterministic JSON, one statement per line."""
    rows = ",\n".join(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in data["statements"])
    return f'{{"meta":{json.dumps(data["meta"], sort_keys=True)},\n"statements":[\n{rows}\n]}}\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--check", action="store_true", help="compare with --out instead of writing it")
    args = parser.parse_args(argv)
    text = render(build())
    return write_or_check(args.out, text, args.check)


if __name__ == "__main__":
    sys.exit(main())
