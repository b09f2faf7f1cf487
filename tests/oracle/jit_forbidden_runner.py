"""Call every entry of mslint/knowledge/data/jit_forbidden.json inside a Cell's construct under one config.

Usage: ``python tests/oracle/jit_forbidden_runner.py CONFIG`` (``pynative``, ``strict`` or ``lax``).
Prints one ``@@FORBIDDEN {json}`` line per entry: kind, name, ok, error type and first message line.
Methods and functions are called without arguments: the graph compiler refuses a forbidden API when
it resolves the name, before it looks at the arguments. Each probe is a Cell written to its own
source file (the graph parser reads source) and imported as a fresh module.
"""

from __future__ import annotations

import importlib.util
import json
import sys
import tempfile
from pathlib import Path

MARK = "@@FORBIDDEN "
DATA = Path(__file__).resolve().parents[2] / "mslint" / "knowledge" / "data" / "jit_forbidden.json"
PROBE = '''
import importlib
import mindspore as ms
import numpy as np
from mindspore import nn

API = getattr(importlib.import_module("{module}"), "{name}") if "{module}" else None


class Probe(nn.Cell):
    def __init__(self):
        super().__init__()
        self.w = ms.Parameter(ms.Tensor(np.ones(2, np.float32)), name="w")

    def construct(self, x):
        {call}
        return x + self.w


def demo():
    return Probe()(ms.Tensor(np.ones(2, np.float32))).asnumpy().tolist()
'''


def cases(data: dict) -> list[tuple[str, str, str]]:
    """(kind, name, probe source) for every Cell method and function entry."""
    found = [("cell_method", name, PROBE.format(module="", name="", call=f"self.{name}()")) for name in data["cell_methods"]]
    for alias in data["functions"]:
        module, _, name = alias.rpartition(".")
        found.append(("function", alias, PROBE.format(module=module, name=name, call="API()")))
    return found


def run(source: str, folder: Path, index: int) -> dict:
    path = folder / f"forbidden_probe_{index}.py"
    path.write_text(source, encoding="utf-8")
    try:
        spec = importlib.util.spec_from_file_location(path.stem, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        module.demo()
    except Exception as exc:  # pylint: disable=broad-exception-caught
        lines = [line for line in str(exc).splitlines() if line.strip()]
        return {"ok": False, "error": type(exc).__name__, "message": lines[0] if lines else ""}
    return {"ok": True}


def main(config: str) -> int:
    import mindspore as ms  # pylint: disable=import-outside-toplevel

    if config == "pynative":
        ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")
    else:
        ms.set_context(mode=ms.GRAPH_MODE, device_target="CPU", jit_syntax_level={"strict": ms.STRICT, "lax": ms.LAX}[config])
    data = json.loads(DATA.read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory() as folder:
        for index, (kind, name, source) in enumerate(cases(data)):
            print(MARK + json.dumps({"kind": kind, "name": name, **run(source, Path(folder), index)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
