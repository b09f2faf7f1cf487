"""Write mslint/knowledge/data/graph_syntax.json: the Python syntax MindSpore's GRAPH_MODE compiles, row by row.

Usage (from the repository root):

    GLOG_v=3 python scripts/gen_graph_syntax.py              # run every probe (a few minutes on 2 cores), write
    GLOG_v=3 python scripts/gen_graph_syntax.py --check      # shipped file current? (no probe runs)
    GLOG_v=3 python scripts/gen_graph_syntax.py --show GLOB  # run the rows whose id matches GLOB, print verdicts

Every row of scripts/graph_syntax_rows.py is compiled in a fresh ``nn.Cell`` under GRAPH_MODE at
``jit_syntax_level`` STRICT and LAX, and run in PyNative as the reference. The verdict per level is
``ok`` (compiles, and the two calls, their printed text and the state afterwards equal PyNative's; or it
raises the exception PyNative raises), ``compile-error: <Type>``, ``runtime-error: <Type>``,
``differs: <what>``, ``graph-only: PyNative raises <Type>`` (runs in graph mode only) or ``crash: <how>``. Probes run in worker processes (``--worker``), many per process;
a probe that kills or hangs its worker is recorded as a crash and the worker restarts after it.

What the docs say comes from mslint/knowledge/data/graph_syntax_pages.toml (statements of the static-graph
syntax pages, each with the rows that test it). ``--check`` re-renders the file from the row definitions,
the pages file and the shipped verdicts, and checks the installed MindSpore is the version the data is
keyed by: it fails when a row or a doc statement changed without regenerating.
"""

from __future__ import annotations

import argparse
import fnmatch
import gc
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generated_file import write_or_check  # noqa: E402
from graph_syntax_rows import ROWS, TABLES, Row  # noqa: E402

from mslint.core.tomlcompat import tomllib  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "mslint" / "knowledge" / "data"
OUTPUT = DATA / "graph_syntax.json"
PAGES = DATA / "graph_syntax_pages.toml"
COMMAND = "GLOG_v=3 python scripts/gen_graph_syntax.py"
FORMAT = 1
LEVELS = ("STRICT", "LAX")
CONFIGS = ("pynative", *LEVELS)
CALLS = 2
PROBE_TIMEOUT = 60.0
CHUNK = 250
MESSAGE_LENGTH = 240

HEADER = '''"""Graph-syntax probe {id}."""
import functools
import math
import os
import sys

import numpy as np
import mindspore as ms
from mindspore import Parameter, Tensor, nn, ops


def _arguments(*args, **kwargs):
    return args, kwargs


def jit(function):
    """ms.jit at the probe's level (fullgraph=True for STRICT); under PyNative the plain function."""
    config = os.environ["GRAPH_SYNTAX_CONFIG"]
    return function if config == "pynative" else ms.jit(function, fullgraph=config == "STRICT")


def X():
    return Tensor(np.array([1.0, 2.0], np.float32))


def Y():
    return Tensor(np.array([3.0, 4.0], np.float32))


def M():
    return Tensor(np.array([[1.0, 2.0], [3.0, 4.0]], np.float32))


def I():
    return Tensor(np.array([1, 2], np.int32))


def J():
    return Tensor(np.array([3, 4], np.int32))


def B():
    return Tensor(np.array([True, False]))


def S():
    return Tensor(3, ms.int32)


def F():
    return Tensor(2.5, ms.float32)


'''

FOOTER = '''

def arguments():
    return _arguments({args})


def between(net):
    {between}


def after(net):
    return {after}
'''


def probe_source(row: Row) -> str:
    """The module a worker imports for ``row``."""
    return HEADER.format(id=row.id) + row.case() + FOOTER.format(args=row.args, between=row.between or "pass",
                                                                 after=row.after or "None")


# ---------------------------------------------------------------- worker side (imports MindSpore)

def canonical(value: Any) -> str:
    """A deterministic text for a probe's output: types are kept apart (1, 1.0, True, (1,), [1])."""
    import numpy as np
    from mindspore import Tensor

    if isinstance(value, Tensor):
        array = value.asnumpy()
        return f"Tensor[{value.dtype} {tuple(array.shape)}]{_values(array.tolist())}"
    if isinstance(value, np.ndarray):
        return f"ndarray[{value.dtype} {tuple(value.shape)}]{_values(value.tolist())}"
    if isinstance(value, np.generic):
        return f"np.{type(value).__name__}({_values(value.item())})"
    if value is None or isinstance(value, (bool, int, float, str, bytes)):
        return _values(value)
    if isinstance(value, list):
        return "[" + ", ".join(canonical(item) for item in value) + "]"
    if isinstance(value, tuple):
        return "(" + ", ".join(canonical(item) for item in value) + ("," if len(value) == 1 else "") + ")"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{canonical(k)}: {canonical(v)}" for k, v in value.items()) + "}"
    if isinstance(value, (set, frozenset)):
        return f"{type(value).__name__}(" + ", ".join(sorted(canonical(item) for item in value)) + ")"
    if isinstance(value, (type({}.keys()), type({}.values()), type({}.items()))):
        return f"{type(value).__name__}({canonical(list(value))})"
    if isinstance(value, type):
        return f"<class {value.__qualname__}>"
    return f"<{type(value).__qualname__}>"


def _values(value: Any) -> str:
    if isinstance(value, float):
        text = format(value, ".6g")
        return text if any(c in text for c in ".enai") else text + ".0"
    if isinstance(value, list):
        return "[" + ", ".join(_values(item) for item in value) + "]"
    return repr(value)


class _Stdout:
    """Collects what a probe prints, also from C++ (file-descriptor level)."""

    def __init__(self) -> None:
        import ctypes

        self._libc = ctypes.CDLL(None)
        self._file = tempfile.TemporaryFile()
        self._saved = -1

    def __enter__(self) -> _Stdout:
        self._flush()
        self._file.seek(0)
        self._file.truncate()
        self._saved = os.dup(1)
        os.dup2(self._file.fileno(), 1)
        return self

    def __exit__(self, *exc: object) -> None:
        self._flush()
        os.dup2(self._saved, 1)
        os.close(self._saved)

    def text(self) -> str:
        self._file.seek(0)
        return self._file.read().decode("utf-8", "replace")

    def _flush(self) -> None:
        sys.stdout.flush()
        self._libc.fflush(None)


def first_line(exc: BaseException, folder: str) -> str:
    """The first message line that says something (MindSpore's banners, source traceback and C++ stack
    skipped), without addresses and probe paths, shortened."""
    text = re.split(r"- C\+\+ Call Stack|- The Traceback of Net Construct Code|# In file ", str(exc))[0]
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if re.search(r"\w", line) and not line.startswith("- ")
             and not line.startswith("This exception is caused by framework's unexpected error")]
    framework = "framework error: " if "Framework Unexpected Exception Raised" in text else ""
    line = re.sub(r"0x[0-9a-fA-F]+", "0x..", framework + (lines[0] if lines else "").replace(folder, "<probe>"))
    return line if len(line) <= MESSAGE_LENGTH else line[: MESSAGE_LENGTH - 3] + "..."


def _in_compile(exc: BaseException) -> bool:
    """Whether MindSpore raised while compiling (a ``compile`` frame of its graph API on the traceback)."""
    trace = exc.__traceback__
    while trace is not None:
        code = trace.tb_frame.f_code
        if code.co_name == "compile" and f"mindspore{os.sep}" in code.co_filename:
            return True
        trace = trace.tb_next
    return False


def run_probe(row: Row, config: str, folder: Path, stdout: _Stdout) -> dict[str, Any]:
    """Import the probe module, build it, compile it (graph configs), call it twice, record everything."""
    import importlib.util

    import mindspore as ms

    name = "probe_" + re.sub(r"\W", "_", row.id)
    path = folder / f"{name}.py"
    path.write_text(probe_source(row), encoding="utf-8")
    record: dict[str, Any] = {"id": row.id, "phase": "build"}
    observed: list[str] = []
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        with stdout:
            spec.loader.exec_module(module)
            net = module.FUNCTION if row.kind == "jit" else module.Probe()
        for call in range(CALLS):
            with stdout:
                try:
                    if call == 0 and config != "pynative" and row.kind == "cell":
                        record["phase"] = "compile"
                        positional, keywords = module.arguments()
                        if row.dynamic:
                            net.set_inputs(*[ms.Tensor(shape=[None] * a.ndim, dtype=a.dtype) if isinstance(a, ms.Tensor) else a
                                             for a in positional])
                        net.compile(*positional, **keywords)
                    record["phase"] = "run"
                    positional, keywords = module.arguments()
                    output = canonical(net(*positional, **keywords))
                finally:
                    printed = stdout.text()
            observed += [output, printed]
            if call == 0:
                module.between(net)
        observed.append(canonical(module.after(net)))
    except BaseException as exc:  # pylint: disable=broad-exception-caught  # SystemExit, KeyboardInterrupt probes too
        phase = "compile" if record["phase"] == "run" and row.kind == "jit" and _in_compile(exc) else record["phase"]
        record.update(phase=phase, error=type(exc).__name__, message=first_line(exc, str(folder)))
        return record
    record.update(phase="ok", observed=observed)
    return record


def worker(config: str, out: Path, ids: list[str]) -> int:
    """Run the given rows under one config, appending one JSON line per row to ``out``."""
    import mindspore as ms

    os.environ["GRAPH_SYNTAX_CONFIG"] = config
    if config == "pynative":
        ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")
    else:
        ms.set_context(mode=ms.GRAPH_MODE, device_target="CPU", jit_syntax_level=getattr(ms, config))
    rows = {row.id: row for row in ROWS}
    stdout = _Stdout()
    gc.freeze()  # MindSpore's compile runs gc.collect: frozen objects (MindSpore's own, earlier probes') are skipped
    with tempfile.TemporaryDirectory() as folder, out.open("a", encoding="utf-8") as sink:
        sys.path.insert(0, folder)
        for row_id in ids:
            record = run_probe(rows[row_id], config, Path(folder), stdout)
            sink.write(json.dumps(record) + "\n")
            sink.flush()
            if sys.stdin.closed:  # exit()/quit() close stdin before raising SystemExit; input() probes need it
                sys.stdin = open(os.devnull, encoding="utf-8")  # pylint: disable=consider-using-with
            gc.freeze()
    return 0


# ---------------------------------------------------------------- parent side (no MindSpore import)

def _run_task(config: str, ids: list[str]) -> list[dict[str, Any]]:
    """Run ``ids`` under ``config`` in worker processes; a probe that ends or hangs its worker is a crash."""
    env = {**os.environ, "GLOG_v": "3", "PYTHONBREAKPOINT": "0", "PYTHONHASHSEED": "0"}
    records: list[dict[str, Any]] = []
    remaining = list(ids)
    with tempfile.TemporaryDirectory() as folder:
        while remaining:
            out = Path(folder) / f"{len(records)}.jsonl"
            out.touch()
            process = subprocess.Popen([sys.executable, __file__, "--worker", config, str(out), *remaining],
                                       stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            done, last, crash = 0, time.monotonic(), ""
            while process.poll() is None:
                time.sleep(0.05)
                lines = out.read_text(encoding="utf-8").count("\n")
                if lines != done:
                    done, last = lines, time.monotonic()
                elif time.monotonic() - last > PROBE_TIMEOUT:
                    process.kill()
                    process.wait()
                    crash = f"timeout after {PROBE_TIMEOUT:.0f} s"
            found = [json.loads(line) for line in out.read_text(encoding="utf-8").split("\n")[:-1]]  # complete lines
            records += found
            remaining = remaining[len(found):]
            if remaining:
                crash = crash or f"worker exit code {process.returncode}"
                records.append({"id": remaining.pop(0), "phase": "crash", "error": crash, "message": ""})
    return records


def run_rows(ids: list[str], configs: tuple[str, ...] = CONFIGS, jobs: int = 2) -> dict[str, dict[str, dict[str, Any]]]:
    """Outcome per row id and config, running ``jobs`` workers at a time."""
    size = max(1, min(CHUNK, -(-len(ids) // max(1, jobs))))
    tasks = [(config, ids[start:start + size]) for config in configs for start in range(0, len(ids), size)]
    outcomes: dict[str, dict[str, dict[str, Any]]] = {row_id: {} for row_id in ids}
    with ThreadPoolExecutor(jobs) as pool:
        for (config, _), records in zip(tasks, pool.map(lambda task: _run_task(*task), tasks)):
            for record in records:
                outcomes[record["id"]][config] = record
    return outcomes


FIELDS = ("call 1 returns", "call 1 prints", "call 2 returns", "call 2 prints", "state after the calls")


def verdict(graph: dict[str, Any], pynative: dict[str, Any]) -> str:
    """One level's verdict, with PyNative's outcome as the reference."""
    if graph["phase"] == "crash":
        return f"crash: {graph['error']}"
    if "error" in graph:
        if pynative.get("error") == graph["error"]:
            return "ok"
        return f"{'compile' if graph['phase'] in ('compile', 'build') else 'runtime'}-error: {graph['error']}"
    if "error" in pynative:
        return f"graph-only: PyNative raises {pynative['error']}"
    differences = [f"{field} {_short(mine)} (PyNative {_short(theirs)})"
                   for field, mine, theirs in zip(FIELDS, graph["observed"], pynative["observed"]) if mine != theirs]
    return "ok" if not differences else "differs: " + "; ".join(differences[:2])


def _short(text: str, limit: int = 80) -> str:
    text = repr(text) if "\n" in text or text == "" else text
    return text if len(text) <= limit else text[: limit - 3] + "..."


def level_verdicts(outcome: dict[str, dict[str, Any]]) -> dict[str, dict[str, str]]:
    """{level: {"verdict": ..., "message": ...}} for one row."""
    found = {}
    for level in LEVELS:
        graph = outcome[level]
        entry = {"verdict": verdict(graph, outcome["pynative"])}
        if entry["verdict"] != "ok" and graph.get("message"):
            entry["message"] = graph["message"]
        found[level] = entry
    return found


# ---------------------------------------------------------------- docs and rendering

def load_pages(path: Path = PAGES) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def anchor(section: str) -> str:
    """The page anchor Sphinx gives a section title."""
    return re.sub(r"[^a-z0-9]+", "-", section.lower()).strip("-")


def says_per_level(says: str | dict[str, str]) -> dict[str, str]:
    return {level: says for level in LEVELS} if isinstance(says, str) else {level: says[level] for level in LEVELS}


def doc_claims(pages: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Row id -> the doc statements that state a fact the row tests (``rows`` with ``says``; ``contrary_rows``,
    the cases the statement excludes, with ``contrary_says``)."""
    claims: dict[str, list[dict[str, Any]]] = {}
    for statement in pages.get("statement", []):
        url = f"{pages['pages'][statement['page']]['url']}#{anchor(statement['section'])}"
        for rows, says in ((statement.get("rows", []), statement["says"]),
                           (statement.get("contrary_rows", []), statement.get("contrary_says", "silent"))):
            for row_id in rows:
                claims.setdefault(row_id, []).append({"url": url, "says": says_per_level(says), "key": statement["key"]})
    return claims


def documented(claims: list[dict[str, Any]]) -> dict[str, str]:
    """Per level: supported / unsupported / differs (documented to behave unlike Python) / silent (no
    statement) / contradictory (statements disagree)."""
    found = {}
    for level in LEVELS:
        said = {claim["says"][level] for claim in claims} - {"silent"}
        found[level] = "silent" if not said else said.pop() if len(said) == 1 else "contradictory"
    return found


def disagreements(verdicts: dict[str, dict[str, str]], docs: dict[str, str]) -> list[str]:
    """Levels where the compiler contradicts the docs: a supported construct that fails or differs from
    PyNative, an unsupported one that compiles and matches PyNative, or one documented to differ that matches."""
    found = []
    for level in LEVELS:
        kind = verdicts[level]["verdict"].split(":")[0]
        if ((docs[level] == "supported" and kind not in ("ok", "graph-only"))
                or (docs[level] in ("unsupported", "differs") and kind == "ok")):
            found.append(level)
    return found


def row_entry(row: Row, verdicts: dict[str, dict[str, str]], claims: list[dict[str, Any]]) -> dict[str, Any]:
    docs = documented(claims)
    entry: dict[str, Any] = {
        "subject": row.subject,
        "construct": row.construct,
        "case": row.case(),
        "verdict": {level: verdicts[level]["verdict"] for level in LEVELS},
        "documented": docs,
    }
    messages = {level: verdicts[level]["message"] for level in LEVELS if "message" in verdicts[level]}
    if messages:
        entry["message"] = messages
    if row.dynamic:
        entry["dynamic_shape"] = True
    if row.raises:
        entry["pynative_raises"] = True
    if claims:
        entry["docs"] = [{"url": claim["url"], "statement": claim["key"]} for claim in claims]
    if row.between:
        entry["between_calls"] = row.between
    if row.after:
        entry["state_after"] = row.after
    disagree = disagreements(verdicts, docs)
    if disagree:
        entry["disagrees_with_docs"] = disagree
    notes = [row.note] if row.note else []
    notes += [f"The docs say {docs[level]} at {level}; MindSpore {compiler_does(verdicts[level]['verdict'])}." for level in disagree]
    if notes:
        entry["note"] = " ".join(notes)
    return entry


def compiler_does(text: str) -> str:
    """A verdict in words, for notes."""
    kind, _, detail = text.partition(": ")
    return {"ok": "compiles it and matches PyNative",
            "compile-error": f"rejects it while compiling ({detail})",
            "runtime-error": f"compiles it and raises {detail} when it runs",
            "differs": "compiles it but the result differs from PyNative",
            "crash": f"crashes ({detail})"}.get(kind, text)


def build(verdicts: dict[str, dict[str, dict[str, str]]], pages: dict[str, Any], mindspore_version: str) -> dict[str, Any]:
    claims = doc_claims(pages)
    tables: dict[str, dict[str, Any]] = {table: {} for table in TABLES}
    for row in ROWS:
        tables[row.table][row.id] = row_entry(row, verdicts[row.id], claims.get(row.id, []))
    return {
        "mindspore": mindspore_version,
        "device": "CPU",
        "python": f"{sys.version_info.major}.{sys.version_info.minor}",
        "levels": list(LEVELS),
        "source": "each row's case compiled in a fresh nn.Cell under GRAPH_MODE at each jit_syntax_level (set_context) "
                  "and run twice, compared with two PyNative calls (outputs, printed text, state after)",
        "docs": {key: value for key, value in pages["docs"].items()},
        "pages": {name: page["url"] for name, page in pages["pages"].items()},
        "tables": tables,
    }


def summary_table(version: dict[str, Any]) -> str:
    """The counts table of README_graph_syntax.md: rows, verdict kinds per level, rows that contradict the docs."""
    kinds = ("ok", "compile-error", "runtime-error", "differs", "graph-only", "crash")
    lines = ["| table | rows | " + " | ".join(f"{kind} S/L" for kind in kinds) + " | documented | disagree with docs |",
             "|---|---:|" + "---:|" * len(kinds) + "---:|---:|"]
    for name, rows in sorted(version["tables"].items()):
        counts = [" / ".join(str(sum(entry["verdict"][level].split(":")[0] == kind for entry in rows.values())) for level in LEVELS)
                  for kind in kinds]
        cited = sum(any(value != "silent" for value in entry["documented"].values()) for entry in rows.values())
        disagree = sum("disagrees_with_docs" in entry for entry in rows.values())
        lines.append(f"| {name} | {len(rows)} | " + " | ".join(counts) + f" | {cited} | {disagree} |")
    return "\n".join(lines)


def render(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


def version_key(version: str) -> str:
    return ".".join(version.split(".")[:2])


def shipped() -> dict[str, Any]:
    return json.loads(OUTPUT.read_text(encoding="utf-8")) if OUTPUT.exists() else {"format": FORMAT, "versions": {}}


def shipped_verdicts(version: dict[str, Any]) -> dict[str, dict[str, dict[str, str]]]:
    """Row id -> level -> verdict and message, as the shipped file records them (missing rows: ``unknown``)."""
    rows = {row_id: entry for table in version.get("tables", {}).values() for row_id, entry in table.items()}
    found = {}
    for row in ROWS:
        entry = rows.get(row.id, {})
        found[row.id] = {level: {"verdict": entry.get("verdict", {}).get(level, "unknown"),
                                 **({"message": entry["message"][level]} if level in entry.get("message", {}) else {})}
                         for level in LEVELS}
    return found


def check_rows() -> None:
    """Unique ids, known tables, and every builtins name, AST statement and expression class has a row."""
    import ast
    import builtins

    ids = [row.id for row in ROWS]
    duplicates = sorted({row_id for row_id in ids if ids.count(row_id) > 1})
    assert not duplicates, f"duplicate row ids: {duplicates}"
    assert all(row.table in TABLES for row in ROWS)
    subjects = {(row.table, row.subject) for row in ROWS}
    names = [name for name in dir(builtins) if not name.startswith("_") or name in ("__import__", "__build_class__", "__debug__")]
    missing = [f"builtins.{name}" for name in names if ("builtins", name) not in subjects]
    missing += [f"statements.{node.__name__}" for node in ast.stmt.__subclasses__() if ("statements", node.__name__) not in subjects]
    missing += [f"expressions.{node.__name__}" for node in ast.expr.__subclasses__() if ("expressions", node.__name__) not in subjects]
    assert not missing, f"no row for: {missing}"


def probe_problems(outcomes: dict[str, dict[str, dict[str, Any]]]) -> list[str]:
    """Probes that do not show what they should: PyNative must run a probe (raise, for ``raises`` rows)."""
    rows = {row.id: row for row in ROWS}
    problems = []
    for row_id, outcome in outcomes.items():
        pynative = outcome["pynative"]
        if ("error" in pynative) != rows[row_id].raises or pynative["phase"] in ("build", "crash"):
            problems.append(f"{row_id}: PyNative {pynative.get('error', 'runs')} {pynative.get('message', '')}")
    return problems


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file; runs no probe")
    parser.add_argument("--show", metavar="GLOB", help="run the matching rows and print their verdicts")
    parser.add_argument("--worker", nargs="+", metavar="ARG", help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args(argv)
    if args.worker:
        config, out, *ids = args.worker
        return worker(config, Path(out), ids)
    if args.show:
        ids = [row.id for row in ROWS if fnmatch.fnmatchcase(row.id, args.show)]
        for row_id, outcome in run_rows(ids, jobs=args.jobs).items():
            print(row_id, json.dumps(level_verdicts(outcome)), outcome["pynative"].get("observed", outcome["pynative"].get("error")))
        return 0
    check_rows()
    import mindspore

    key = version_key(mindspore.__version__)
    data = shipped()
    pages = load_pages()
    if args.check:
        verdicts = shipped_verdicts(data["versions"].get(key, {}))
    else:
        outcomes = run_rows([row.id for row in ROWS], jobs=args.jobs)
        problems = probe_problems(outcomes)
        if problems:
            print("\n".join(problems), file=sys.stderr)
            return 1
        verdicts = {row_id: level_verdicts(outcome) for row_id, outcome in outcomes.items()}
    data = {"format": FORMAT, "generated_by": COMMAND,
            "versions": {**data["versions"], key: build(verdicts, pages, mindspore.__version__)}}
    status = write_or_check(OUTPUT, render(data), args.check, COMMAND)
    if not args.check:
        print(summary_table(data["versions"][key]))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
