"""Run defect repros under MindSpore: ``python run_repro.py REPRO.py ...``; one process per repro.

A repro holds: ``EXPECT``, an exception name or ``"differs"``; ``bad()``; ``good()``. It passes when ``bad()``
raises ``EXPECT`` (or an exception whose class has that name among its bases) and ``good()`` runs, or, for
``"differs"``, when both run and their values differ (NumPy ``allclose`` is false, or the shapes differ).
Prints one JSON line per repro; exits 1 if one fails.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

os.environ.setdefault("GLOG_v", "3")


def _plain(value):
    import numpy as np

    if isinstance(value, (list, tuple)):
        return [_plain(item) for item in value]
    if hasattr(value, "asnumpy"):
        return value.asnumpy()
    if hasattr(value, "detach") and hasattr(value, "numpy"):
        return value.detach().numpy()
    return np.asarray(value) if isinstance(value, (int, float, bool)) else value


def _differ(left, right) -> bool:
    import numpy as np

    left, right = _plain(left), _plain(right)
    if isinstance(left, list) or isinstance(right, list):
        if not (isinstance(left, list) and isinstance(right, list)) or len(left) != len(right):
            return True
        return any(_differ(a, b) for a, b in zip(left, right))
    try:
        a, b = np.asarray(left, dtype=float), np.asarray(right, dtype=float)
    except (TypeError, ValueError):
        return left != right
    return a.shape != b.shape or not np.allclose(a, b, equal_nan=True)


def check(path: str) -> dict:
    """Run one repro in this process."""
    import runpy

    module = runpy.run_path(path, run_name="repro")
    expect = module["EXPECT"]
    result = {"file": path, "expect": expect}
    try:
        bad_value = module["bad"]()
    except Exception as error:  # the point is to observe any failure  # pylint: disable=broad-except
        names = {cls.__name__ for cls in type(error).__mro__}
        result.update(bad=type(error).__name__, detail=str(error).strip().splitlines()[0][:200] if str(error).strip() else "")
        if expect == "differs" or expect not in names:
            return {**result, "ok": False}
        bad_value = None
    else:
        result["bad"] = "ran"
        if expect != "differs":
            return {**result, "ok": False}
    try:
        good_value = module["good"]()
    except Exception as error:  # pylint: disable=broad-except
        return {**result, "good": type(error).__name__, "ok": False, "good_detail": str(error)[:200]}
    result["good"] = "ran"
    if expect == "differs":
        return {**result, "ok": _differ(bad_value, good_value)}
    return {**result, "ok": True}


def main(paths: list[str]) -> int:
    if len(paths) == 1:
        result = check(paths[0])
        print(json.dumps(result), flush=True)
        return 0 if result["ok"] else 1
    failed = 0
    for path in paths:
        run = subprocess.run([sys.executable, __file__, path], capture_output=True, text=True, check=False)
        line = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else json.dumps({"file": path, "ok": False, "crash": run.stderr[-500:]})
        print(line, flush=True)
        failed += not json.loads(line).get("ok")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
