"""Write ``mslint/knowledge/data/torch_mapping.json``: the PyTorch -> MindSpore knowledge base.

Usage: ``python scripts/gen_torch_mapping.py [--check]`` (needs torch; never imports MindSpore).

Inputs: ``scripts/data/api_mapping.csv`` (mined from MindSpore's mapping docs, categories
possibly stale), ``scripts/data/ms_ops_platforms.json`` (supported platforms per API),
``mslint/knowledge/data/ms_signatures.json`` (installed MindSpore), the installed torch (signatures by
``inspect`` or docstring), ``mslint/knowledge/data/torch_mapping_curated.toml`` (hand-verified overrides)
and ``tests/oracle/oracle_cases.py`` (entries the oracle test runs -> ``verified``).
"""

from __future__ import annotations

import argparse
import csv
import importlib
import inspect
import json
import runpy
import sys
from pathlib import Path
from typing import Any


HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

import sigdoc  # noqa: E402
from generated_file import write_or_check  # noqa: E402

from mslint.core.tomlcompat import tomllib  # noqa: E402

DATA = ROOT / "mslint" / "knowledge" / "data"
OUT = DATA / "torch_mapping.json"
COMMAND = "python scripts/gen_torch_mapping.py"
PREFIXES = ("torch.Tensor.", "torch.nn.functional.", "torch.nn.", "torch.optim.", "torch.")
SKIP_PREFIXES = ("torch.distributed", "torch.utils", "torch.optim.lr_scheduler", "torch.distributions", "torch.special", "torch.linalg", "torch.generator")
# Arguments that MindSpore handles globally or not at all (MindSpore mapping table, "general differences").
GENERAL_UNSUPPORTED = {"out", "device", "layout", "requires_grad", "pin_memory", "memory_format", "inplace", "generator", "non_blocking"}
# Usual torch -> MindSpore keyword renames, applied only when the target has the new name.
GENERIC_RENAMES = {
    "dim": ("axis",),
    "keepdim": ("keepdims", "keep_dims"),
    "input": ("x", "input_x", "a"),
    "other": ("y", "x2"),
    "bias": ("has_bias",),
    "groups": ("group",),
    "eps": ("epsilon",),
    "in_features": ("in_channels",),
    "out_features": ("out_channels",),
    "negative_slope": ("alpha",),
    "lr": ("learning_rate",),
    "unbiased": ("ddof",),
    "correction": ("ddof",),
    "size": ("shape",),
    "tensors": ("tensors", "inputs", "input_x"),
}
DOC_DIRS = {"mindspore.mint": "mint", "mindspore.ops": "ops", "mindspore.nn": "nn", "mindspore.Tensor": "mindspore/Tensor"}
NS_ORDER = ("mindspore.mint", "mindspore.Tensor", "mindspore.nn", "mindspore.ops", "mindspore")


def torch_object(qual: str) -> Any:
    """The torch object named ``qual``, or None."""
    parts = qual.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr, None)
        return obj
    return None


def torch_params(qual: str) -> list[sigdoc.Param] | None:
    """Richest torch signature for ``qual`` (``__init__`` for classes, without self)."""
    obj = torch_object(qual)
    if obj is None:
        return None
    method = qual.startswith(("torch.Tensor.", "torch.nn.Module.", "torch.optim.Optimizer."))
    target = obj.__init__ if inspect.isclass(obj) else obj
    params = sigdoc.try_signature(target, drop_self=method or inspect.isclass(obj))
    if params is not None and not sigdoc.is_forwarding(params):
        return params
    overloads = sigdoc.docstring_overloads(getattr(obj, "__doc__", None), qual.rsplit(".", 1)[1])
    return max(overloads, key=len) if overloads else params


def positional(params: list[sigdoc.Param]) -> list[str]:
    """Names that can be passed by position, ``*name`` for a var-positional parameter."""
    return [("*" if p[1] == 2 else "") + p[0] for p in params if p[1] <= 2]


def align(tp: list[sigdoc.Param], mp: list[sigdoc.Param], csv_renames: dict[str, str]) -> dict[str, str | None]:
    """torch name -> MindSpore name (None = no counterpart) for one pair of signatures."""
    ms_names = {p[0] for p in mp}
    t_names = {p[0] for p in tp}
    taken: set[str] = set()
    out: dict[str, str | None] = {}
    for i, (name, kind, *_) in enumerate(tp):
        cands = [csv_renames.get(name, name), name, *GENERIC_RENAMES.get(name, ())]
        hit = next((c for c in cands if c in ms_names and c not in taken and (c == name or c not in t_names)), None)
        if hit is None and len(tp[i]) == 2 and kind <= 2 and i < len(mp) and len(mp[i]) == 2 and mp[i][0] not in t_names:
            hit = mp[i][0]  # required positional data argument at the same index
        if hit is not None:
            taken.add(hit)
        out[name] = hit
    return out


def choose_overload(tp: list[sigdoc.Param], overloads: list[list[sigdoc.Param]], renames: dict[str, str]) -> list[sigdoc.Param]:
    """The MindSpore overload that matches most torch parameters."""
    return max(overloads, key=lambda mp: sum(v is not None for v in align(tp, mp, renames).values()))


def norm_default(text: str | None) -> str | None:
    """Comparable form of a default repr."""
    return None if text is None else text.replace('"', "'").replace("torch.", "").replace("mindspore.", "")


def doc_url(ms: str) -> str:
    """MindSpore API page for a qualified name."""
    for prefix, folder in DOC_DIRS.items():
        if ms.startswith(prefix + "."):
            ns = ms.rsplit(".", 1)[0] if prefix != "mindspore.Tensor" else prefix
            folder = "mint" if ns.startswith("mindspore.mint") else folder
            return f"https://www.mindspore.cn/docs/en/master/api_python/{folder}/{ms}.html"
    return f"https://www.mindspore.cn/docs/en/master/api_python/mindspore/{ms}.html"


def parse_renames(text: str) -> dict[str, str]:
    """``a->b; c->d`` from the CSV."""
    pairs = [p.split("->") for p in text.split(";") if "->" in p]
    return {a.strip(): b.strip() for a, b in pairs}


class Builder:
    """Combines the inputs into mapping entries."""

    def __init__(self) -> None:
        self.sigs = json.loads((DATA / "ms_signatures.json").read_text(encoding="utf-8"))
        self.platforms = json.loads((HERE / "data" / "ms_ops_platforms.json").read_text(encoding="utf-8"))
        self.curated = tomllib.loads((DATA / "torch_mapping_curated.toml").read_text(encoding="utf-8"))
        self.verified = set(runpy.run_path(str(ROOT / "tests" / "oracle" / "oracle_cases.py"))["CASES"])
        with (HERE / "data" / "api_mapping.csv").open(encoding="utf-8") as fh:
            self.rows = [r for r in csv.DictReader(fh) if r["torch_api"].startswith(PREFIXES) and not r["torch_api"].startswith(SKIP_PREFIXES)]

    def ms_exists(self, qual: str) -> bool:
        """Whether ``qual`` is a public name of the installed MindSpore."""
        ns, _, name = qual.rpartition(".")
        return name in self.sigs["names"].get(ns, ()) or qual in self.sigs["apis"]

    def unrecorded(self, qual: str) -> bool:
        """Whether ``qual`` lies outside the namespaces the signature table records (a curated target there,
        such as ``mindspore.common.initializer.Normal``, is trusted; tests/oracle/test_ms_facts.py imports it)."""
        return qual.rpartition(".")[0] not in self.sigs["names"] and qual not in self.sigs["apis"]

    def ms_overloads(self, qual: str) -> list[list[sigdoc.Param]] | None:
        """Recorded MindSpore overloads, without a leading ``self``."""
        rec = self.sigs["apis"].get(qual)
        return rec.get("o") if rec else None

    def pick_row(self, rows: list[dict[str, str]]) -> dict[str, str]:
        """Prefer an existing mint target, then Tensor, nn, ops."""
        def rank(r: dict[str, str]) -> tuple[int, int]:
            ms = r["mindspore_api"]
            ns = next((i for i, p in enumerate(NS_ORDER) if ms.startswith(p + ".")), len(NS_ORDER))
            return (0 if ms and self.ms_exists(ms) else 1, ns)
        return min(rows, key=rank)

    def entry(self, torch_name: str, row: dict[str, str] | None) -> dict[str, Any]:
        """One mapping entry."""
        cur = self.curated.get(torch_name, {})
        ms = cur["ms"] if "ms" in cur else (row["mindspore_api"] if row and row["mindspore_api"] else None)
        if cur.get("kind") == "no-equivalent":
            ms = None
        category = row["category"] if row else "curated"
        notes = [cur.get("note") or (row["note"] if row else "")]
        if ms and torch_name.rsplit(".", 1)[1][:1].isupper() and ms.rsplit(".", 1)[1][:1].islower():
            layer = next((f"{ns}.{torch_name.rsplit('.', 1)[1]}" for ns in ("mindspore.mint.nn", "mindspore.nn")
                          if self.ms_exists(f"{ns}.{torch_name.rsplit('.', 1)[1]}")), None)
            if layer:
                notes.append(f"The mapping doc names the function {ms}; the layer is {layer}.")
                ms = layer
        if ms and not self.ms_exists(ms) and not (ms == cur.get("ms") and self.unrecorded(ms)):
            notes.append(f"{ms} does not exist in MindSpore {self.sigs['meta']['mindspore']}.")
            ms = None
        tp = torch_params(torch_name)
        e: dict[str, Any] = {"ms": ms, "kind": "no-equivalent", "torch_args": positional(tp) if tp is not None else None, "ms_args": None,
                             "kwargs_change": {}, "unsupported_args": [], "defaults_diff": {}}
        renames = parse_renames(row["param_renames"]) if row else {}
        overloads = self.ms_overloads(ms) if ms else None
        if ms and tp is not None and overloads:
            mp = choose_overload(tp, overloads, {**renames, **{k: v for k, v in cur.get("kwargs_change", {}).items() if v and "," not in v}})
            mapping = align(tp, mp, renames)
            ms_defaults = {p[0]: (p[2] if len(p) > 2 else None) for p in mp}
            has_var_kw = any(p[1] == 4 for p in mp)
            for name, kind, *default in tp:
                target = mapping[name]
                if target is None:
                    if not has_var_kw or name in GENERAL_UNSUPPORTED:
                        e["unsupported_args"].append(name)
                    continue
                if target != name:
                    e["kwargs_change"][name] = target
                td, md = (default[0] if default else None), ms_defaults[target]
                if norm_default(td) != norm_default(md) and td is not None and name not in ("dtype", "device"):
                    e["defaults_diff"][name] = [td, md]
            e["ms_args"] = positional(mp)
            order_t = [mapping[a.lstrip("*")] for a in e["torch_args"] if mapping.get(a.lstrip("*"))]
            order_m = [a.lstrip("*") for a in e["ms_args"] if a.lstrip("*") in order_t]
            if order_t[: len(order_m)] != order_m:
                notes.append("Positional order differs: pass arguments by keyword.")
        elif ms:
            notes.append("Argument-level mapping unavailable (signature not introspectable).")
        for unsupported in (u for u, v in cur.get("kwargs_change", {}).items() if v == ""):
            e["kwargs_change"].pop(unsupported, None)
            if unsupported not in e["unsupported_args"]:
                e["unsupported_args"].append(unsupported)
        e["kwargs_change"].update({k: v for k, v in cur.get("kwargs_change", {}).items() if v})
        e["unsupported_args"] = [u for u in e["unsupported_args"] if u not in e["kwargs_change"]]
        e["defaults_diff"].update(cur.get("defaults_diff", {}))
        e["kind"] = cur.get("kind") or self.kind(ms, category, e, notes)
        plat = self.platforms.get(ms or "", {}).get("platforms")
        e.update(
            note=" ".join(n for n in notes if n).strip(),
            doc=doc_url(ms) if ms else None,
            platforms=plat,
            since=self.since(ms),
            until=None,
            verified=torch_name in self.verified and ms is not None,
            source=("curated: mslint/knowledge/data/torch_mapping_curated.toml; " if cur else "") + (cur.get("source") or (row["source"] if row else "MindSpore 2.10.0 introspection")),
            category=category,
        )
        return e

    @staticmethod
    def kind(ms: str | None, category: str, e: dict[str, Any], notes: list[str]) -> str:
        """exact | renamed-args | semantic-diff | no-equivalent."""
        if ms is None:
            return "no-equivalent"
        if category in ("different function", "different defaults") or e["defaults_diff"]:
            return "semantic-diff"
        if e["kwargs_change"] or set(e["unsupported_args"]) - GENERAL_UNSUPPORTED or any(n.startswith("Positional order") for n in notes):
            return "renamed-args"
        return "exact"

    def since(self, ms: str | None) -> str | None:
        """Earliest MindSpore version known to have ``ms`` (curated history, exact bounds only)."""
        hist = self.sigs["history"]
        for key in (ms, "mindspore.mint" if ms and ms.startswith("mindspore.mint.") else None):
            if key and key in hist and hist[key]["bound"] == "exact":
                return hist[key]["since"]
        return None

    def build(self) -> dict[str, Any]:
        """All entries plus metadata."""
        by_torch: dict[str, list[dict[str, str]]] = {}
        for r in self.rows:
            by_torch.setdefault(r["torch_api"], []).append(r)
        names = sorted(set(by_torch) | set(self.curated))
        entries = {n: self.entry(n, self.pick_row(by_torch[n]) if n in by_torch else None) for n in names}
        import torch

        return {
            "meta": {
                "format": 1,
                "torch": torch.__version__.split("+")[0],
                "mindspore": self.sigs["meta"]["mindspore"],
                "command": COMMAND,
                "kinds": ["exact", "renamed-args", "semantic-diff", "no-equivalent"],
            },
            "entries": entries,
        }


def dumps(data: dict[str, Any]) -> str:
    """Deterministic JSON, one entry per line."""
    body = ",\n".join(f"{json.dumps(k)}:{json.dumps(v, sort_keys=True)}" for k, v in data["entries"].items())
    return '{"meta":' + json.dumps(data["meta"], sort_keys=True) + ',\n"entries":{\n' + body + "\n}}\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs")
    args = parser.parse_args()
    text = dumps(Builder().build())
    return write_or_check(OUT, text, args.check, COMMAND)


if __name__ == "__main__":
    sys.exit(main())
