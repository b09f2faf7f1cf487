"""Write ``mslint/knowledge/data/default_diffs.json``: where a MindSpore counterpart's defaults differ from PyTorch's.

Usage: ``GLOG_v=3 python scripts/gen_default_diffs.py [--check]`` (needs torch and MindSpore; runs both, in two
worker processes that are restarted when MindSpore fails, since its kernel errors can surface asynchronously).

Pairs: every torch API of ``mslint/knowledge/data/torch_mapping.json`` with its mapped MindSpore target, plus the other
targets MindSpore's mapping doc lists for it (``scripts/data/api_mapping.csv``, translated the way
``gen_torch_mapping.py`` translates, without the curated overrides, which are about the mapped target).

For each pair with an input case (``scripts/default_diff_cases.py``, else the oracle case, else a generic one;
required arguments only) ``tests/oracle/default_diffs_runner.py`` runs torch with its defaults and MindSpore with the
mapping's translation of that call, on the same inputs (layers: same initial parameters, training mode):

- agree: each parameter whose defaults are spelled differently (the mapping's ``defaults_diff``, values compared
  after ``ast.literal_eval``) is ``same-behaviour``; torch's value passed literally is tried and recorded.
- disagree (or MindSpore raises): every torch default is passed to MindSpore explicitly (translated; curated
  ``FIXES`` where torch's value is spelled otherwise in MindSpore, and MindSpore-only parameters such as Conv's
  ``pad_mode``); values MindSpore rejects are dropped. If that agrees, each parameter whose removal breaks the
  agreement is a ``differs`` row (its value is the fix); otherwise the pair differs for a reason other than
  defaults (the record's ``residual``) and its spelled differences are ``not-comparable``.
- layers: the initial parameters are compared as distributions (two-sample Kolmogorov-Smirnov over several
  instances); a significant difference is a ``differs`` row on the MindSpore initializer argument, agreement is
  listed in ``init_same``.
Pairs that cannot run are listed in ``not_checked`` with the reason. Format: ``mslint/knowledge/data/README.md``.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import fnmatch
import json
import os
import runpy
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
ORACLE = ROOT / "tests" / "oracle"
sys.path[:0] = [str(HERE), str(ORACLE)]

from default_diff_cases import CASES, FILLERS, FIXES, NOT_COMPARABLE
from default_diffs_runner import INIT_INSTANCES, KS_P_DIFFERS
from discover_oracle_cases import candidate
from generated_file import write_or_check

OUT = ROOT / "mslint" / "knowledge" / "data" / "default_diffs.json"
MAPPING = ROOT / "mslint" / "knowledge" / "data" / "torch_mapping.json"
SIGNATURES = ROOT / "mslint" / "knowledge" / "data" / "ms_signatures.json"
COMMAND = "GLOG_v=3 python scripts/gen_default_diffs.py"
VERSION = "2.10"
WORKERS = 2
SANITY_EXIT = 3
WORKER_TIMEOUT = 1800  # a hang guard for one worker process
# torch parameters that are not behaviour defaults (placement, output buffers, implementation switches).
NOT_BEHAVIOUR = {"out", "device", "dtype", "layout", "requires_grad", "pin_memory", "memory_format", "generator", "inplace",
                 "non_blocking", "size_average", "reduce", "foreach", "capturable", "differentiable", "fused", "_stacklevel"}
EFFECTS = ["differs", "same-behaviour", "not-comparable"]


def literal(text: str | None) -> tuple[bool, Any]:
    """(True, value) when ``text`` is a Python literal."""
    try:
        return True, ast.literal_eval(text) if text is not None else None
    except (ValueError, SyntaxError):
        return False, None


def same_value(torch_default: str | None, ms_default: str | None) -> bool:
    """Whether two default reprs are the same value (``0`` and ``0.0`` are; ``relu`` and ``'relu'`` are not)."""
    (t_ok, t_val), (m_ok, m_val) = literal(torch_default), literal(ms_default)
    return bool(t_val == m_val) if t_ok and m_ok else torch_default == ms_default


class Sources:
    """The mapping, MindSpore's recorded signatures and the mapping doc's other targets."""

    def __init__(self) -> None:
        import gen_torch_mapping

        self.tm = gen_torch_mapping
        self.entries: dict[str, dict[str, Any]] = json.loads(MAPPING.read_text(encoding="utf-8"))["entries"]
        self.sigs = json.loads(SIGNATURES.read_text(encoding="utf-8"))["apis"]
        self.alternatives = gen_torch_mapping.Builder()
        self.alternatives.curated = {}
        oracle = runpy.run_path(str(ORACLE / "oracle_cases.py"))["CASES"]
        self.oracle_cases = {**oracle, **runpy.run_path(str(ORACLE / "oracle_cases_manual.py"))["MANUAL"]}

    def doc_category(self, torch_name: str, ms: str) -> str | None:
        """The mapping doc's category for exactly this pair (None when the doc does not list it)."""
        return next((r["category"] for r in self.alternatives.rows if r["torch_api"] == torch_name and r["mindspore_api"] == ms), None)

    def pairs(self) -> list[tuple[str, dict[str, Any], str]]:
        """(torch name, translation entry, origin) for every pair."""
        rows: dict[str, list[dict[str, str]]] = {}
        for row in self.alternatives.rows:
            rows.setdefault(row["torch_api"], []).append(row)
        out: list[tuple[str, dict[str, Any], str]] = []
        for name, entry in self.entries.items():
            if entry["ms"] is None:
                continue
            seen = {entry["ms"]}
            out.append((name, entry, "mapping"))
            for row in rows.get(name, []):
                alt = self.alternatives.entry(name, row)
                if alt["ms"] and alt["ms"] not in seen:
                    seen.add(alt["ms"])
                    out.append((name, alt, "mapping-doc alternative"))
        return out

    def ms_params(self, qual: str) -> dict[str, str | None]:
        """MindSpore parameter name -> default repr (None = required), over all recorded overloads."""
        out: dict[str, str | None] = {}
        for overload in self.sigs.get(qual, {}).get("o", []):
            for name, kind, *default in overload:
                if kind in (0, 1, 3) and name not in out:
                    out[name] = default[0] if default else None
        return out

    def case(self, name: str, entry: dict[str, Any], torch_sig: list[list[Any]]) -> dict[str, Any] | None:
        """Input case: curated as written, else the oracle's or a generic one with required arguments only."""
        if name in CASES:
            return CASES[name]
        layer = name.rsplit(".", 1)[1][:1].isupper() and not name.startswith("torch.optim.")
        if layer and all(len(p) > 2 for p in torch_sig):
            return {"call": ["u(2,3,4)"]}
        case = self.oracle_cases.get(name) or candidate(name, entry)
        if case is None:
            return None
        required = [p[0] for p in torch_sig if len(p) == 2 and p[1] != 4]
        args = {k: v for k, v in case.get("args", {}).items() if k in required}
        args.update({k: FILLERS[k] for k in required if k not in args and k in FILLERS})
        return {**{k: v for k, v in case.items() if k in ("self", "call")}, **({"args": args} if args else {})}


def fix_for(label: str, param: str) -> tuple[str, str] | None:
    """Curated (expression, why) for a MindSpore parameter of the pair ``label`` ("torch name -> MindSpore name")."""
    return next(((expr, why) for pattern, name, expr, why in FIXES if name == param and fnmatch.fnmatchcase(label, pattern)), None)


def explicit_values(label: str, entry: dict[str, Any], torch_sig: list[list[Any]], ms_params: dict[str, str | None]) -> dict[str, dict[str, Any]]:
    """MindSpore parameter -> what to pass to reproduce torch's defaults: ``expr`` (torch's literal default, translated,
    or a curated value with ``why``), the ``torch_param`` and ``torch_default`` it stands for, and ``ms_default``."""
    explicit: dict[str, dict[str, Any]] = {}
    for pname, _kind, *default in torch_sig:
        target = entry["kwargs_change"].get(pname, pname)
        ok, value = literal(default[0]) if default else (False, None)
        if not ok or not target or pname in NOT_BEHAVIOUR or pname in entry["unsupported_args"]:
            continue
        names = target.split(",")
        values = list(value) if len(names) > 1 and isinstance(value, (tuple, list)) else [value]
        for ms_name, v in zip(names, values):
            if ms_name in ms_params:
                explicit[ms_name] = {"torch_param": pname, "torch_default": default[0], "expr": repr(v)}
    for ms_name in ms_params:
        if fix := fix_for(label, ms_name):
            explicit.setdefault(ms_name, {"torch_param": None, "torch_default": None}).update(expr=fix[0], why=fix[1])
    for ms_name, spec in explicit.items():
        spec["ms_default"] = ms_params[ms_name]
    return explicit


def spelled_defaults(entry: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The mapping's ``defaults_diff`` without equal values, by MindSpore parameter (torch's name if none)."""
    out: dict[str, dict[str, Any]] = {}
    for pname, (torch_default, ms_default) in entry["defaults_diff"].items():
        if not same_value(torch_default, ms_default):
            ms_name = entry["kwargs_change"].get(pname, pname) or None
            out[ms_name or pname] = {"torch_param": pname, "torch_default": torch_default, "ms_param": ms_name, "ms_default": ms_default}
    return out


def make_job(index: int, name: str, entry: dict[str, Any], origin: str, src: Sources) -> dict[str, Any]:
    """Everything a worker needs for one pair, and what the rows are built from."""
    torch_sig = src.tm.torch_params(name)
    job: dict[str, Any] = {"id": index, "torch": name, "ms": entry["ms"], "origin": origin,
                           "doc_category": src.doc_category(name, entry["ms"]),
                           "translation": {k: entry[k] for k in ("torch_args", "ms_args", "kwargs_change", "unsupported_args")},
                           "explicit": explicit_values(f"{name} -> {entry['ms']}", entry, torch_sig or [], src.ms_params(entry["ms"])),
                           "spelled": spelled_defaults(entry)}
    if name in NOT_COMPARABLE:
        job["skip"] = NOT_COMPARABLE[name]
    elif torch_sig is None or entry["torch_args"] is None:
        job["skip"] = "no torch signature to translate the call with"
    elif (case := src.case(name, entry, torch_sig)) is None:
        job["skip"] = "no input case"
    else:
        job["case"] = case
    return job


# --------------------------------------------------------------------------------------------- worker side


def probe(job: dict[str, Any]) -> dict[str, Any]:
    """Run one pair (in a worker process)."""
    from default_diffs_runner import Pair, init_comparison, short_error

    try:
        pair = Pair(job)
    except Exception as exc:  # noqa: BLE001 - torch rejecting the case is the observation
        return {"status": "torch-error", "error": short_error(exc)}
    base = pair.run({})
    result: dict[str, Any] = {"default_run": asdict(base)}
    fixes: dict[str, str] = {}
    if base.agree:
        result["status"] = "agree"
    else:
        fixes = usable(pair, {name: spec["expr"] for name, spec in job["explicit"].items()})
        fixed = pair.run(fixes)
        result.update(fixes=fixes, fixed_run=asdict(fixed), status="explained" if fixed.agree else "residual")
        if fixed.agree:
            result["ablation"] = {name: asdict(pair.run({k: v for k, v in fixes.items() if k != name})) for name in fixes
                                  if not same_value(fixes[name], job["explicit"][name]["ms_default"])}
    result["literal"] = {name: asdict(pair.run({**fixes, name: text})) for name, text in literal_values(job).items()}
    if pair.kind == "layer" and pair.torch_params and not base.error:
        result["init"] = init_comparison(pair, {})
        curated = {name: spec["expr"] for name, spec in job["explicit"].items() if "why" in spec}
        if curated and any(v["ks_p"] < KS_P_DIFFERS for v in result["init"].values()):
            result["init_fixed"] = init_comparison(pair, curated)
    return result


def literal_values(job: dict[str, Any]) -> dict[str, str]:
    """MindSpore parameter -> torch's default as written, for spelled differences whose tried value is another."""
    out: dict[str, str] = {}
    for name, spec in job["spelled"].items():
        ok, value = literal(spec["torch_default"])
        tried = job["explicit"].get(name, {}).get("expr")
        if ok and spec["ms_param"] and "," not in name and tried is not None and tried != repr(value):
            out[name] = repr(value)
    return out


def usable(pair: Any, explicit: dict[str, str]) -> dict[str, str]:
    """``explicit`` without the values MindSpore rejects (dropped one at a time while the call raises)."""
    fixes = dict(explicit)
    while fixes and pair.run(fixes).error:
        culprit = next((name for name in fixes if not pair.run({k: v for k, v in fixes.items() if k != name}).error), None)
        if culprit is None:
            break
        del fixes[culprit]
    return fixes


def worker() -> int:
    """Run the jobs on stdin, one JSON line each. A kernel error that still surfaces after a job belongs to it; when
    MindSpore stays broken, exit with SANITY_EXIT so the parent restarts the worker."""
    import mindspore as ms
    import torch
    from default_diffs_runner import pending_error, short_error

    torch.set_num_threads(1)
    ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")
    for job in json.loads(sys.stdin.read()):
        try:
            result = probe(job)
        except Exception as exc:  # noqa: BLE001 - recorded, and the next job runs
            result = {"status": "probe-error", "error": short_error(exc)}
        if late := pending_error():
            result = {"status": "ms-async-error", "error": late}
        print(json.dumps({"id": job["id"], **result}), flush=True)
        if late and pending_error():
            return SANITY_EXIT
    return 0


# --------------------------------------------------------------------------------------------- parent side


def run_shard(jobs: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Results by job id; a worker that dies is restarted after the job it died on."""
    done: dict[int, dict[str, Any]] = {}
    queue = list(jobs)
    env = {**os.environ, "GLOG_v": "3", "OMP_NUM_THREADS": "1", "PYTHONWARNINGS": "ignore"}
    while queue:
        try:
            proc = subprocess.run([sys.executable, str(Path(__file__)), "--worker"], input=json.dumps(queue), capture_output=True,
                                  text=True, cwd=ROOT, env=env, check=False, timeout=WORKER_TIMEOUT)
            stdout, returncode, tail = proc.stdout, proc.returncode, (proc.stderr.strip().splitlines() or ["no output"])[-1]
        except subprocess.TimeoutExpired as exc:
            stdout, returncode, tail = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout or "", -1, "timeout"
        for line in stdout.splitlines():
            if line.startswith("{"):
                rec = json.loads(line)
                done[rec.pop("id")] = rec
        queue = [j for j in queue if j["id"] not in done]
        if queue and returncode not in (0, SANITY_EXIT):
            done[queue[0]["id"]] = {"status": "crashed", "error": f"worker exited {returncode}: {tail[:200]}"}
            queue = queue[1:]
    return done


def run_all(jobs: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Run the runnable jobs in WORKERS processes."""
    runnable = [j for j in jobs if "case" in j]
    shards = [runnable[i::WORKERS] for i in range(WORKERS)]
    results: dict[int, dict[str, Any]] = {}
    with ThreadPoolExecutor(WORKERS) as pool:
        for part in pool.map(run_shard, shards):
            results.update(part)
    return results


# --------------------------------------------------------------------------------------------- assembly


def observed(outcome: dict[str, Any]) -> dict[str, Any]:
    """The parts of an Outcome worth recording."""
    return {k: outcome[k] for k in ("max_abs_diff", "note", "error") if outcome.get(k) not in (None, "")}


def describe(outcome: dict[str, Any]) -> str:
    """An Outcome in words."""
    if outcome.get("error"):
        return f"MindSpore raises {outcome['error']}"
    verdict = "agree" if outcome["agree"] else "differ"
    return f"{verdict}: {outcome['note']}" if outcome.get("note") else f"{verdict} (max abs diff {outcome['max_abs_diff']:g})"


def init_param(parameter: str, ms_params: dict[str, str | None]) -> str | None:
    """The MindSpore constructor argument that initialises ``parameter`` (``weight`` -> ``weight_init``)."""
    last = parameter.split(".")[-1]
    names = (f"{last}_init", {"moving_variance": "moving_var_init"}.get(last, ""), last)
    return next((n for n in names if n in ms_params), None)


def not_run(job: dict[str, Any], result: dict[str, Any] | None) -> str:
    """Why a pair could not be compared ("" when it was)."""
    if "skip" in job:
        return job["skip"]
    if result is None:
        return "not run"
    if result["status"] == "torch-error":
        return f"the input case fails in torch: {result['error']}"
    if result["status"] == "ms-async-error":
        return f"MindSpore raises {result['error']}"
    if result["status"] in ("crashed", "probe-error"):
        return f"{result['status']}: {result['error']}"
    if result["status"] == "residual" and result["fixed_run"].get("error"):
        return f"MindSpore raises {result['default_run'].get('error') or result['fixed_run']['error']}"
    return ""


SIGNATURE_SOURCE = "signatures: torch_mapping.json defaults_diff (values compared as literals)"


class Assembler:
    """Rows, per-pair records and coverage from jobs and worker results."""

    def __init__(self, src: Sources) -> None:
        self.src = src
        self.apis: dict[str, dict[str, Any]] = {}
        self.agree: list[str] = []
        self.not_checked: dict[str, str] = {}
        self.init_same: dict[str, dict[str, float]] = {}
        self.pairs = 0

    def add(self, job: dict[str, Any], result: dict[str, Any] | None) -> None:
        """Record one pair."""
        self.pairs += 1
        label = f"{job['torch']} -> {job['ms']}"
        record: dict[str, Any] = {"origin": job["origin"], "doc_category": job["doc_category"], "translation": job["translation"]}
        why = not_run(job, result)
        if why or result is None:
            self.not_checked[label] = why
            rows = [self.spelled_row(spec, "not-comparable", reason=f"not run: {why}", source=SIGNATURE_SOURCE)
                    for spec in job["spelled"].values()]
        else:
            record.update(case=job["case"], default_run=observed(result["default_run"]))
            rows = self.run_rows(job, result, record)
            same = {name: stats["ks_p"] for name, stats in result.get("init", {}).items() if stats["ks_p"] >= KS_P_DIFFERS}
            if same:
                self.init_same[label] = same
            if result["status"] == "agree" and not rows:
                self.agree.append(label)
        if rows or "residual" in record:
            record["rows"] = rows
            self.apis.setdefault(job["torch"], {})[job["ms"]] = record

    @staticmethod
    def spelled_row(spec: dict[str, Any], effect: str, **extra: Any) -> dict[str, Any]:
        """A row for a default the mapping records as spelled differently."""
        return {"torch_param": spec["torch_param"], "torch_default": spec["torch_default"], "ms_param": spec["ms_param"],
                "ms_default": spec["ms_default"], "effect": effect, **extra}

    def run_rows(self, job: dict[str, Any], result: dict[str, Any], record: dict[str, Any]) -> list[dict[str, Any]]:
        """Rows of a pair that ran, by MindSpore parameter."""
        status = result["status"]
        rows: dict[str, dict[str, Any]] = {}
        if status == "explained":
            record["fixes"] = result["fixes"]
            rows = {name: self.differs_row(job, result, name) for name, outcome in result["ablation"].items() if not outcome["agree"]}
        if status == "residual":
            record["residual"] = {"fixes": result["fixes"], "fixed_run": observed(result["fixed_run"])}
        for name, spec in job["spelled"].items():
            if name not in rows:
                rows[name] = self.spelled_result(spec, result, name)
        for name, outcome in result.get("literal", {}).items():
            if name in rows:
                rows[name]["literal"] = {"value": repr(literal(job["spelled"][name]["torch_default"])[1]), **observed(outcome),
                                         "agree": outcome["agree"]}
        for row in self.init_rows(job, result):
            key = row["ms_param"] or row["parameter"]
            rows[key] = {**row, **{k: v for k, v in rows.get(key, {}).items() if k in ("torch_param", "torch_default", "literal")}}
        return [rows[k] for k in sorted(rows)]

    @staticmethod
    def differs_row(job: dict[str, Any], result: dict[str, Any], name: str) -> dict[str, Any]:
        """A parameter without whose torch value MindSpore disagrees."""
        spec, outcome, fixed = job["explicit"][name], result["ablation"][name], result["fixed_run"]
        row = {"torch_param": spec["torch_param"], "torch_default": spec["torch_default"], "ms_param": name, "ms_default": spec["ms_default"],
               "effect": "differs", **observed(outcome), "fix": {name: spec["expr"]}, "fixed_max_abs_diff": fixed["max_abs_diff"]}
        if "why" in spec:
            row["fix_note"] = spec["why"]
        row["source"] = (f"run: with both defaults {describe(result['default_run'])}; with the torch defaults passed (fixes) "
                         f"{describe(fixed)}; with all fixes but {name} {describe(outcome)}")
        return row

    def spelled_result(self, spec: dict[str, Any], result: dict[str, Any], name: str) -> dict[str, Any]:
        """A differently spelled default that is not a ``differs`` row."""
        if result["status"] == "residual":
            still = describe(result["fixed_run"])
            return self.spelled_row(spec, "not-comparable", reason=f"outputs differ for another reason: with the torch defaults passed they still {still}",
                                    source=SIGNATURE_SOURCE)
        if result["status"] == "agree":
            outcome, how = result["default_run"], "with both defaults"
        else:
            outcome, how = result["ablation"].get(name, result["fixed_run"]), "with the other torch defaults passed"
        return self.spelled_row(spec, "same-behaviour", **observed(outcome), source=f"run: {how} outputs {describe(outcome)}")

    def init_rows(self, job: dict[str, Any], result: dict[str, Any]) -> list[dict[str, Any]]:
        """Rows for parameters whose initial values differ in distribution."""
        ms_params = self.src.ms_params(job["ms"])
        rows = []
        for parameter, stats in result.get("init", {}).items():
            if stats["ks_p"] >= KS_P_DIFFERS:
                continue
            ctor = init_param(parameter, ms_params)
            row: dict[str, Any] = {"parameter": parameter, "torch_param": None, "torch_default": None, "ms_param": ctor,
                                   "ms_default": ms_params.get(ctor) if ctor else None, "effect": "differs", "init": stats,
                                   "source": f"run: {INIT_INSTANCES} fresh layers per framework; two-sample Kolmogorov-Smirnov "
                                   f"p={stats['ks_p']:g} over the pooled initial values (0: a constant against a spread)"}
            fixed = result.get("init_fixed", {}).get(parameter)
            spec = job["explicit"].get(ctor or "", {})
            if fixed and "why" in spec and fixed["ks_p"] >= KS_P_DIFFERS:
                row.update(fix={ctor: spec["expr"]}, fix_note=spec["why"], fixed_ks_p=fixed["ks_p"])
            rows.append(row)
        return rows

    def data(self) -> dict[str, Any]:
        """The version's section."""
        effects = {e: 0 for e in EFFECTS}
        for targets in self.apis.values():
            for record in targets.values():
                for row in record["rows"]:
                    effects[row["effect"]] += 1
        records = [r for targets in self.apis.values() for r in targets.values()]
        counts = {"pairs": self.pairs, "checked": self.pairs - len(self.not_checked), "agree": len(self.agree),
                  "not_checked": len(self.not_checked), "pairs_with_rows": sum(1 for r in records if r["rows"]),
                  "behaviour_diffs": sum(1 for r in records if "residual" in r), "rows": effects}
        counts["init_same"] = sum(len(v) for v in self.init_same.values())
        return {"counts": counts, "agree": sorted(self.agree), "not_checked": dict(sorted(self.not_checked.items())),
                "init_same": dict(sorted(self.init_same.items())), "apis": self.apis}


def dumps(data: dict[str, Any]) -> str:
    """Deterministic JSON, one torch API per line."""
    section = data["versions"][VERSION]
    lines = [f"{json.dumps(k)}:{json.dumps(v, sort_keys=True)}" for k, v in section["apis"].items()]
    rest = {k: v for k, v in section.items() if k != "apis"}
    return ('{"meta":' + json.dumps(data["meta"], sort_keys=True) + ',\n"versions":{' + json.dumps(VERSION) + ':{\n'
            + "".join(f"{json.dumps(k)}:{json.dumps(v, sort_keys=True)},\n" for k, v in rest.items())
            + '"apis":{\n' + ",\n".join(lines) + "\n}}}}\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        return worker()
    import mindspore
    import torch

    src = Sources()
    jobs = [make_job(i, name, entry, origin, src) for i, (name, entry, origin) in enumerate(src.pairs())]
    results = run_all(jobs)
    assembler = Assembler(src)
    for job in sorted(jobs, key=lambda j: (j["torch"], j["ms"])):
        assembler.add(job, results.get(job["id"]))
    meta = {"format": 1, "torch": torch.__version__.split("+")[0], "mindspore": mindspore.__version__, "command": COMMAND,
            "effects": EFFECTS, "environment": "CPU, PyNative, layers in training mode with torch's initial parameters",
            "tolerance": "agree: |ms - torch| <= 1e-5 + 1e-4 |torch| (random results: mean, std and zero fraction within 0.03)"}
    text = dumps({"meta": meta, "versions": {VERSION: assembler.data()}})
    if args.check and OUT.exists():
        changed = [line[:300] for line in difflib.unified_diff(OUT.read_text(encoding="utf-8").splitlines(), text.splitlines(), n=0, lineterm="")]
        print("\n".join(changed[:12]))
    return write_or_check(OUT, text, args.check, COMMAND)


if __name__ == "__main__":
    sys.exit(main())
