"""Run mslint graph-rule card modules under one MindSpore execution config.

Usage: ``python tests/oracle/graph_runner.py CONFIG FILE...`` where CONFIG is
``pynative``, ``strict``, ``compatible`` or ``lax``. Every card file is loaded
as a fresh module (fresh Cell classes, so no compile cache is shared) and its
``demo()`` is called; one ``@@CARD {json}`` line is printed per file.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from pathlib import Path
from typing import Any

MARK = "@@CARD "
CONFIGS = ("pynative", "strict", "compatible", "lax")


def configure(config: str) -> None:
    """Select the execution mode and, for graph configs, the jit_syntax_level."""
    import mindspore as ms  # pylint: disable=import-outside-toplevel

    if config == "pynative":
        ms.set_context(mode=ms.PYNATIVE_MODE, device_target="CPU")
        return
    level = {"strict": ms.STRICT, "compatible": ms.COMPATIBLE, "lax": ms.LAX}[config]
    ms.set_context(mode=ms.GRAPH_MODE, device_target="CPU", jit_syntax_level=level)


def run_file(path: Path) -> dict[str, Any]:
    """Import one card file as a new module and return its demo() outcome."""
    name = "mslint_card_" + re.sub(r"\W", "_", f"{path.parent.name}_{path.stem}")
    result: dict[str, Any] = {"file": str(path)}
    try:
        spec = importlib.util.spec_from_file_location(name, path)
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
        result["obs"] = json.loads(json.dumps(module.demo()))
        result["ok"] = True
    except Exception as exc:  # pylint: disable=broad-exception-caught
        lines = str(exc).strip().splitlines()
        result.update(ok=False, error=type(exc).__name__, message=lines[0] if lines else "")
    return result


def main(argv: list[str]) -> int:
    """Configure once, then run every given card file in order."""
    config, *files = argv
    configure(config)
    for file in files:
        print(MARK + json.dumps(run_file(Path(file))), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
