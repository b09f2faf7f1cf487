"""Write ``mslint/knowledge/data/ms_signatures.json`` from the installed MindSpore.

Usage: ``GLOG_v=3 python scripts/gen_signatures.py [--check]``

Records, for the public API of the installed MindSpore, the ordered parameters of every
callable (``inspect`` where possible, else the docstring signature lines, else a zero-argument
probe), the public names of each namespace, and the curated version history from
``scripts/ms_history.json``.  ``--check`` compares with the shipped file instead of writing.
"""

from __future__ import annotations

import argparse
import importlib
import inspect
import json
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("GLOG_v", "3")
sys.path.insert(0, str(Path(__file__).resolve().parent))

import sigdoc  # noqa: E402
from generated_file import write_or_check  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mslint" / "knowledge" / "data" / "ms_signatures.json"
HISTORY = Path(__file__).resolve().parent / "ms_history.json"
COMMAND = "GLOG_v=3 python scripts/gen_signatures.py"

MODULES = (
    "mindspore",
    "mindspore.nn",
    "mindspore.ops",
    "mindspore.mint",
    "mindspore.mint.nn",
    "mindspore.mint.nn.functional",
    "mindspore.mint.optim",
    "mindspore.mint.linalg",
    "mindspore.mint.special",
    "mindspore.experimental.optim",
)
CLASSES = ("mindspore.Tensor", "mindspore.nn.Cell", "mindspore.nn.Optimizer")
# Zero-argument probes must not touch device state or files.
NO_PROBE_PREFIXES = ("set_", "offload", "wait_", "data_sync", "pin_memory", "storage", "untyped_storage", "to_dlpack")


def public(obj: Any) -> list[str]:
    """Sorted public attribute names of ``obj``."""
    return sorted(n for n in dir(obj) if not n.startswith("_"))


def entry(kind: str, source: str, overloads: list[list[sigdoc.Param]] | None) -> dict[str, Any]:
    """Compact record: t=type, s=source of the signature, o=overloads (absent if unknown)."""
    rec: dict[str, Any] = {"t": kind, "s": source}
    if overloads:
        rec["o"] = overloads
    return rec


def describe_callable(qual: str, obj: Any) -> dict[str, Any] | None:
    """Signature record of a module-level function or class (``__init__`` for classes)."""
    if inspect.isclass(obj):
        params = sigdoc.try_signature(obj.__init__, drop_self=True)
        return entry("class", "inspect", [params] if params is not None else None)
    if not callable(obj):
        return None
    params = sigdoc.try_signature(obj)
    if params is not None and not sigdoc.is_forwarding(params):
        return entry("function", "inspect", [params])
    doc = sigdoc.docstring_overloads(getattr(obj, "__doc__", None), qual.rsplit(".", 1)[1])
    if doc:
        return entry("function", "docstring", doc)
    return entry("function", "inspect" if params is not None else "none", [params] if params is not None else None)


def probe_zero_args(cls: type, name: str) -> bool:
    """True if ``getattr(sample, name)()`` works on a small float tensor (Tensor only)."""
    import mindspore
    import numpy as np

    if cls is not mindspore.Tensor or name.startswith(NO_PROBE_PREFIXES):
        return False
    sample = mindspore.Tensor(np.ones((2, 2), np.float32))
    try:
        getattr(sample, name)()
    except Exception:  # noqa: BLE001 - any failure means "not callable without arguments"
        return False
    return True


def describe_member(cls: type, name: str) -> dict[str, Any]:
    """Signature record of a class member (method, property, descriptor)."""
    static = inspect.getattr_static(cls, name)
    if isinstance(static, (property,)) or type(static).__name__ == "getset_descriptor":
        return entry("attr", "inspect", None)
    kind = "staticmethod" if isinstance(static, staticmethod) else "method"
    member = getattr(cls, name)
    if not callable(member):
        return entry("attr", "inspect", None)
    params = sigdoc.try_signature(member, drop_self=kind == "method")
    if params is not None and not sigdoc.is_forwarding(params):
        return entry(kind, "inspect", [params])
    doc = sigdoc.docstring_overloads(member.__doc__, name)
    if doc:
        return entry(kind, "docstring", doc)
    if params is not None:
        return entry(kind, "inspect", [params])
    if probe_zero_args(cls, name):
        return entry(kind, "probe", [[]])
    return entry(kind, "none", None)


def resolve(qual: str) -> Any:
    """Import ``a.b.C`` as module ``a.b`` attribute ``C`` (or a module)."""
    try:
        return importlib.import_module(qual)
    except ImportError:
        mod, attr = qual.rsplit(".", 1)
        return getattr(importlib.import_module(mod), attr)


def build() -> dict[str, Any]:
    """The whole signature table as a JSON-ready dict."""
    import mindspore

    names: dict[str, list[str]] = {}
    apis: dict[str, dict[str, Any]] = {}
    for modname in MODULES:
        mod = importlib.import_module(modname)
        names[modname] = public(mod)
        for n in names[modname]:
            obj = getattr(mod, n, None)
            if inspect.ismodule(obj) or obj is None:
                continue
            rec = describe_callable(f"{modname}.{n}", obj)
            if rec is not None:
                apis[f"{modname}.{n}"] = rec
    for qual in CLASSES:
        cls = resolve(qual)
        names[qual] = public(cls)
        for n in names[qual]:
            apis[f"{qual}.{n}"] = describe_member(cls, n)
    return {
        "meta": {
            "format": 1,
            "mindspore": mindspore.__version__,
            "command": COMMAND,
            "keys": "apis[qualname] = {t: class|function|method|staticmethod|attr, "
            "s: inspect|docstring|probe|none, o: [overload: [[name, kind, default_repr?], ...]]}; "
            "kind = inspect.Parameter.kind (0 positional-only, 1 positional-or-keyword, 2 *args, "
            "3 keyword-only, 4 **kwargs); classes give __init__ without self, methods omit self",
        },
        "names": names,
        "apis": apis,
        "history": json.loads(HISTORY.read_text(encoding="utf-8")),
    }


def dumps(data: dict[str, Any]) -> str:
    """Deterministic compact JSON (one API per line keeps diffs readable)."""
    lines = ["{"]
    top = list(data.items())
    for i, (key, value) in enumerate(top):
        sep = "," if i < len(top) - 1 else ""
        if isinstance(value, dict) and key in ("apis", "names", "history"):
            inner = [f"{json.dumps(k)}:{json.dumps(v, separators=(',', ':'), sort_keys=True)}" for k, v in sorted(value.items())]
            lines.append(f"{json.dumps(key)}:{{\n" + ",\n".join(inner) + f"\n}}{sep}")
        else:
            lines.append(f"{json.dumps(key)}:{json.dumps(value, sort_keys=True)}{sep}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the shipped file differs")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    text = dumps(build())
    return write_or_check(args.out, text, args.check, COMMAND)


if __name__ == "__main__":
    sys.exit(main())
