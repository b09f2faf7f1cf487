"""Run rule-card modules under MindSpore: ``python card_runner.py FILE...`` prints one JSON line per file.

Each line is ``{"file": ..., "ok": true, "value": ...}`` or ``{"file": ..., "ok": false, "error": "TypeError", "detail": ...}``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import sys
from pathlib import Path

os.environ.setdefault("GLOG_v", "3")


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if hasattr(value, "asnumpy"):
        return value.asnumpy().tolist()
    return value


def load(path: str):
    """The card file as a module registered under its own name (graph compilation reads a Cell's module)."""
    name = "mslint_card_" + re.sub(r"\W", "_", f"{Path(path).parent.name}_{Path(path).stem}")
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def run(path: str) -> dict:
    try:
        value = load(path).demo()
    except Exception as error:  # the point is to observe any failure  # pylint: disable=broad-except
        return {"file": path, "ok": False, "error": type(error).__name__, "detail": str(error).splitlines()[0][:200] if str(error) else ""}
    return {"file": path, "ok": True, "value": _plain(value)}


if __name__ == "__main__":
    import mindspore  # noqa: F401  # imported once, before the cards

    for card_file in sys.argv[1:]:
        print(json.dumps(run(card_file)), flush=True)
