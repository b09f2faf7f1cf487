"""Run MindSpore code for ``gen_ms_surface.py`` in child processes and report what happened.

Usage (by ``run``, not by hand): ``python scripts/surface_probes.py STAGE`` with a JSON list of items on stdin;
prints one ``@@SURFACE {json}`` line per item. Stages:

* ``eval``: evaluate each code string of ``item["code"]`` in PyNative mode (synchronous launches, so a kernel
  error belongs to the call that caused it); the outcome is ``"ok"`` or ``"<Exception>: <first line>"``.
* ``types``: as ``eval``, but the outcome of a call that runs is the class name of its value (``Tensor``,
  ``tuple``, ``ndarray``); one that raises gives ``raises <Exception>``.
* ``instance``: build ``item["code"]`` and list what the instance holds (Cell parameters, buffers, sub-cells,
  Primitive attributes, other attributes; the value type of each property in ``item["properties"]``).
* ``graph-strict`` / ``graph-lax``: return ``item["code"]`` from a Cell's ``construct`` in GRAPH_MODE at that
  ``jit_syntax_level``; the outcome as for ``eval``.

Code strings see ``ms``, ``nn``, ``ops``, ``mint``, ``np`` and the sample tensors of ``SAMPLES``: ``x`` and ``y``
(float32, shape (2, 3, 4), values in (0, 1)), ``m`` (bool mask), ``i`` (int64 zeros), ``x4`` (float32 ones, shape
(1, 2, 4, 4)) and ``params`` (the trainable parameters of ``nn.Dense(2, 2)``).

A worker that crashes or hangs is replaced; its pending item is reported as ``crash`` or ``timeout``. Workers run in
a temporary directory (graph compilation failures write files into the working directory).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import selectors
import signal
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

MARK = "@@SURFACE "
ITEM_SECONDS = 60
SAMPLES = {
    "x": "ms.Tensor((np.arange(24, dtype=np.float32).reshape(2, 3, 4) + 1) / 25)",
    "y": "ms.Tensor((np.arange(24, dtype=np.float32).reshape(2, 3, 4) + 2) / 27)",
    "m": "ms.Tensor(np.arange(24).reshape(2, 3, 4) % 2 == 0)",
    "i": "ms.Tensor(np.zeros((2, 3, 4), np.int64))",
    "x4": "ms.Tensor(np.ones((1, 2, 4, 4), np.float32))",
    "params": "nn.Dense(2, 2).trainable_params()",
}
GRAPH_PROBE = """
import mindspore as ms
import numpy as np
from mindspore import mint, nn, ops


class Probe(nn.Cell):
    def construct(self, x, y, m, i):
        return {code}
"""
_ADDRESS = re.compile(r" at 0x[0-9a-f]+|0x[0-9a-f]{6,}")
_RULE = re.compile(r"^-+$|^- [\w +()-]+:$")


def outcome(error: BaseException | None) -> str:
    """``ok``, or the exception class and the first line of its message that says something (not a ``----`` rule or
    a ``- Kernel select failed:`` heading); addresses removed, 240 characters at most."""
    if error is None:
        return "ok"
    lines = [line.strip() for line in str(error).splitlines() if line.strip() and not _RULE.match(line.strip())]
    return _ADDRESS.sub("", f"{type(error).__name__}: {lines[0] if lines else ''}")[:240]


class ItemTimeout(Exception):
    """Raised by the alarm when one item runs too long."""


def _alarm(_signum: int, _frame: Any) -> None:
    raise ItemTimeout(f"over {ITEM_SECONDS} s")


def namespace() -> dict[str, Any]:
    """Names the probe code may use."""
    import mindspore as ms
    import mindspore.common.initializer
    import mindspore.numpy  # noqa: F401  # reached as mindspore.numpy by the calls of results
    import numpy as np
    from mindspore import mint, nn, ops

    names: dict[str, Any] = {"mindspore": ms, "ms": ms, "nn": nn, "ops": ops, "mint": mint, "np": np}
    for name, code in SAMPLES.items():
        names[name] = eval(code, names)  # pylint: disable=eval-used
    return names


def _eval_all(item: dict[str, Any], names: dict[str, Any], typed: bool = False) -> dict[str, Any]:
    results = []
    for code in item["code"]:
        try:
            value = eval(code, names)  # pylint: disable=eval-used
            _sync(value)
        except Exception as error:  # noqa: BLE001  # pylint: disable=broad-except  # the point is to observe it
            results.append(f"raises {type(error).__name__}" if typed else outcome(error))
        else:
            results.append(type(value).__name__ if typed else "ok")
    return {"results": results}


def _sync(value: Any) -> None:
    """Wait for the tensors in ``value`` so that a kernel error is raised here."""
    import mindspore as ms

    for part in value if isinstance(value, (tuple, list)) else (value,):
        if isinstance(part, ms.Tensor):
            part.asnumpy()


def _names(mapping: Any) -> list[str]:
    return sorted(str(key) for key in (mapping or {}))


def _instance(item: dict[str, Any], names: dict[str, Any]) -> dict[str, Any]:
    from mindspore import nn
    from mindspore.ops import Primitive

    try:
        instance = eval(item["code"], names)  # pylint: disable=eval-used
    except Exception as error:  # noqa: BLE001  # pylint: disable=broad-except
        return {"error": outcome(error)}
    record: dict[str, Any] = {}
    own = set(vars(instance)) if hasattr(instance, "__dict__") else set()
    if isinstance(instance, nn.Cell):
        record["parameters"] = _names(instance._params)  # pylint: disable=protected-access
        record["buffers"] = _names(getattr(instance, "_buffers", None))
        record["cells"] = _names(instance._cells)  # pylint: disable=protected-access
        record["primitives"] = _names(getattr(instance, "_primitives", None))
        if type(instance) is not nn.Cell:  # a bare Cell's own attributes are recorded once, under nn.Cell
            own -= set(vars(nn.Cell())) | {"_params", "_cells", "_buffers", "_primitives"}
        own -= set(record["primitives"])
    if isinstance(instance, Primitive):
        record["prim_attrs"] = _names(instance.attrs)
        own -= set(vars(Primitive("Probe")))
    record["attributes"] = sorted(name for name in own if not name.startswith("__"))
    if item.get("properties"):
        record["properties"] = {name: _value_type(instance, name) for name in item["properties"]}
    if f"{type(instance).__module__}.{type(instance).__qualname__}" != item["class"]:
        record["instance_mro"] = [f"{base.__module__}.{base.__qualname__}" for base in type(instance).__mro__[:-1]]
    return {key: value for key, value in record.items() if value}


def _value_type(instance: Any, name: str) -> str:
    try:
        return type(getattr(instance, name)).__name__
    except Exception as error:  # noqa: BLE001  # pylint: disable=broad-except
        return outcome(error)


def _graph(item: dict[str, Any], names: dict[str, Any], folder: Path) -> dict[str, Any]:
    path = folder / f"surface_graph_{item['id']}.py"
    path.write_text(GRAPH_PROBE.format(code=item["code"]), encoding="utf-8")
    try:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)  # type: ignore[union-attr]
        _sync(module.Probe()(names["x"], names["y"], names["m"], names["i"]))
    except Exception as error:  # noqa: BLE001  # pylint: disable=broad-except
        return {"results": [outcome(error)]}
    return {"results": ["ok"]}


def worker(stage: str) -> int:
    """Handle the items on stdin, one ``@@SURFACE`` line each."""
    import mindspore as ms

    items = json.load(sys.stdin)
    if stage.startswith("graph-"):
        ms.set_context(mode=ms.GRAPH_MODE, device_target="CPU", jit_syntax_level={"graph-strict": ms.STRICT, "graph-lax": ms.LAX}[stage])
    else:
        ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")
        ms.runtime.launch_blocking()
    names = namespace()
    signal.signal(signal.SIGALRM, _alarm)
    with tempfile.TemporaryDirectory() as folder:
        os.chdir(folder)  # GRAPH_MODE failures write rank_0/om/analyze_fail.ir into the working directory
        for item in items:
            print(MARK + json.dumps({"id": item["id"], "start": True}), flush=True)
            signal.alarm(ITEM_SECONDS)
            try:
                if stage in ("eval", "types"):
                    result = _eval_all(item, names, typed=stage == "types")
                elif stage == "instance":
                    result = _instance(item, names)
                else:
                    result = _graph(item, names, Path(folder))
            except ItemTimeout as error:
                result = {"error": outcome(error)}
            finally:
                signal.alarm(0)
            print(MARK + json.dumps({"id": item["id"], **result}), flush=True)
    return 0


def run(stage: str, items: list[dict[str, Any]], workers: int = 2) -> dict[str, dict[str, Any]]:
    """Results by item id, from ``workers`` child processes sharing the items (a crashed or hung worker is
    replaced and its pending item reported as ``crash``/``timeout``)."""
    chunks = [items[index::workers] for index in range(workers)]
    results: dict[str, dict[str, Any]] = {}
    pending = [chunk for chunk in chunks if chunk]
    while pending:
        procs = [_start(stage, chunk) for chunk in pending]
        pending = []
        for proc, chunk in procs:
            remaining = _collect(proc, chunk, results)
            if remaining:
                pending.append(remaining)
    return results


def _start(stage: str, chunk: list[dict[str, Any]]) -> tuple[subprocess.Popen[str], list[dict[str, Any]]]:
    env = {**os.environ, "GLOG_v": "3", "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(
        [sys.executable, str(Path(__file__).resolve()), stage],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=env,
    )
    assert proc.stdin is not None
    proc.stdin.write(json.dumps(chunk))
    proc.stdin.close()
    return proc, chunk


def _collect(proc: subprocess.Popen[str], chunk: list[dict[str, Any]], results: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Read ``proc``'s reports into ``results``; the items it did not get to when it died or hung."""
    assert proc.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(proc.stdout, selectors.EVENT_READ)
    started: str | None = None
    failure = "crash"
    while True:
        if not selector.select(timeout=ITEM_SECONDS + 30):
            proc.kill()
            failure = "timeout"
            break
        line = proc.stdout.readline()
        if not line:
            break
        if not line.startswith(MARK):
            continue
        report = json.loads(line[len(MARK):])
        if report.pop("start", False):
            started = report["id"]
        else:
            results[report.pop("id")] = report
            started = None
    proc.wait()
    selector.close()
    if failure == "crash":
        failure = f"crash: the process exited with {proc.returncode}"
    remaining = [item for item in chunk if item["id"] not in results]
    if remaining and started is None:
        started = remaining[0]["id"]  # died between items: blame the next one, so every restart makes progress
    if started is not None:
        results[started] = {"error": failure}
    return [item for item in remaining if item["id"] != started]


def main() -> int:
    return worker(sys.argv[1])


if __name__ == "__main__":
    sys.exit(main())
