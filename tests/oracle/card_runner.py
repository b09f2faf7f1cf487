"""Run rule-card modules under MindSpore: ``python card_runner.py FILE...`` prints one JSON line per file.

Each line is ``{"file": ..., "ok": true, "value": ...}`` or ``{"file": ..., "ok": false, "error": "TypeError", "detail": ...}``.
"""

from __future__ import annotations

import json
import os
import runpy
import sys

os.environ.setdefault("GLOG_v", "3")


def _plain(value):
    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if hasattr(value, "asnumpy"):
        return value.asnumpy().tolist()
    return value


def run(path: str) -> dict:
    try:
        value = runpy.run_path(path, run_name="card")["demo"]()
    except Exception as error:  # the point is to observe any failure  # pylint: disable=broad-except
        return {"file": path, "ok": False, "error": type(error).__name__, "detail": str(error).splitlines()[0][:200] if str(error) else ""}
    return {"file": path, "ok": True, "value": _plain(value)}


if __name__ == "__main__":
    import mindspore  # noqa: F401  # imported once, before the cards

    for card_file in sys.argv[1:]:
        print(json.dumps(run(card_file)), flush=True)
