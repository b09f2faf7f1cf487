"""Parse call signatures written in docstrings (``name(a, b=1, *, c=None) -> T``).

Shared by ``gen_signatures.py`` (MindSpore Tensor methods) and ``gen_torch_mapping.py``
(torch builtins), whose C-implemented callables have no ``inspect.signature``.
"""

from __future__ import annotations

import ast
import inspect
import re
from typing import Any, Callable

# [name, kind] or [name, kind, default_repr]; kind is inspect.Parameter.kind as int (0..4).
Param = list
_SIG_LINE = re.compile(r"^\s*(?:\.\. (?:method|function)::\s*)?(?:[\w.]+\.)?(?P<name>\w+)\((?P<args>.*)\)\s*(?:->.*)?$")


def default_repr(value: Any) -> str:
    """Stable, JSON-safe repr of a default value (no memory addresses)."""
    if isinstance(value, float) and value != value:
        return "nan"
    text = repr(value)
    if " at 0x" in text:
        text = getattr(value, "__qualname__", type(value).__name__)
    return text


def params_from_signature(sig: inspect.Signature, drop_self: bool = False) -> list[Param]:
    """Convert an ``inspect.Signature`` into the compact parameter list."""
    out: list[Param] = []
    for p in sig.parameters.values():
        if drop_self and not out and p.name in ("self", "cls") and p.kind <= 1:
            drop_self = False
            continue
        entry: Param = [p.name, int(p.kind)]
        if p.default is not inspect.Parameter.empty:
            entry.append(default_repr(p.default))
        out.append(entry)
    return out


def _parse_arglist(args: str) -> list[Param] | None:
    """Parse ``a, b=1, *, c=None`` with the Python grammar; None if it is not Python."""
    cleaned = re.sub(r"\[,?\s*([^\]]*)\]", r", \1", args).strip().strip(",")
    cleaned = cleaned.replace("\\*", "*")
    cleaned = re.sub(r"(\*\w+\s*,\s*)\*\s*,", r"\1", cleaned)  # torch writes ``*size, *, out=None``
    try:
        fn = ast.parse(f"def f({cleaned}): pass").body[0]
    except SyntaxError:
        return None
    a = fn.args  # type: ignore[attr-defined]
    out: list[Param] = []
    positional = [*a.posonlyargs, *a.args]
    pdefaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    for i, (arg, d) in enumerate(zip(positional, pdefaults)):
        kind = 0 if i < len(a.posonlyargs) else 1
        out.append([arg.arg, kind] + ([ast.unparse(d)] if d is not None else []))
    if a.vararg:
        out.append([a.vararg.arg, 2])
    for arg, d in zip(a.kwonlyargs, a.kw_defaults):
        out.append([arg.arg, 3] + ([ast.unparse(d)] if d is not None else []))
    if a.kwarg:
        out.append([a.kwarg.arg, 4])
    return out


def docstring_overloads(doc: str | None, name: str) -> list[list[Param]]:
    """All signatures for ``name`` written as ``name(...)`` lines in ``doc`` (first line and overloads)."""
    found: list[list[Param]] = []
    for line in inspect.cleandoc(doc or "").splitlines():
        m = _SIG_LINE.match(line)
        if not m or m.group("name") != name:
            continue
        params = _parse_arglist(m.group("args"))
        if params is not None:
            params = [p for p in params if p[0] != "self"]
            if params not in found:
                found.append(params)
    return found


_FORWARDING = [["args", 2], ["kwargs", 4]]


def _closure_target(obj: Callable[..., Any]) -> Callable[..., Any] | None:
    """The single function a decorator closed over, if any."""
    cells = [c.cell_contents for c in getattr(obj, "__closure__", None) or ()]
    inner = [c for c in cells if inspect.isfunction(c) and c is not obj]
    return inner[0] if len(inner) == 1 else None


def try_signature(obj: Callable[..., Any], drop_self: bool = False) -> list[Param] | None:
    """``inspect.signature`` of ``obj`` as a parameter list, or None when not introspectable.

    A ``(*args, **kwargs)`` forwarding wrapper is looked through to the function it decorates.
    """
    try:
        params = params_from_signature(inspect.signature(obj), drop_self=drop_self)
    except (TypeError, ValueError):
        return None
    inner = _closure_target(obj) if params == _FORWARDING else None
    return try_signature(inner, drop_self) if inner is not None else params


def is_forwarding(params: list[Param] | None) -> bool:
    """True for the uninformative ``(*args, **kwargs)`` signature."""
    return params == _FORWARDING
