"""Run a torch call and its MindSpore translation (derived only from the mapping data) and compare.

Case format (``oracle_cases.CASES[torch_name]``), tensors written as specs like ``"u(3,4)"``:
  ``self``  receiver spec for ``torch.Tensor.*`` methods;
  ``args``  required arguments by torch name (tensor specs or literals);
  ``opt``   optional arguments by torch name (given in three variants, omitted in the fourth);
  ``call``  for classes: tensor specs passed to the constructed module;
  ``tol``   absolute tolerance (default 1e-5).
Spec letters: u uniform(-0.9, 0.9) float32, p uniform(0.1, 0.9) float32, s uniform(-0.01, 0.01) float32
(a variance near normalisation epsilons), w uniform(-3, 3) float32, n -1.0 or 1.0 float32 (targets of margin
losses), i int64 in [0, 3), b bool; a trailing
``|name`` gives a named literal instead, e.g. ``"L|[0, 2]"`` for lists.
"""

from __future__ import annotations

import ast
import os
import re
from dataclasses import dataclass
from typing import Any, Callable

import numpy as np

os.environ.setdefault("GLOG_v", "3")

_SPEC = re.compile(r"^([upswnib])\(([\d, ]*)\)$")
VARIANTS = ("positional", "keyword", "reordered", "defaults-omitted")


def make_array(spec: str, rng: np.random.Generator) -> np.ndarray:
    """numpy array for a tensor spec."""
    kind, dims = _SPEC.match(spec).groups()  # type: ignore[union-attr]
    shape = tuple(int(d) for d in dims.split(",") if d.strip())
    if kind == "u":
        return rng.uniform(-0.9, 0.9, shape).astype(np.float32)
    if kind == "p":
        return rng.uniform(0.1, 0.9, shape).astype(np.float32)
    if kind in ("s", "w"):
        bound = 0.01 if kind == "s" else 3.0
        return rng.uniform(-bound, bound, shape).astype(np.float32)
    if kind == "n":
        return np.where(rng.uniform(size=shape) > 0.5, 1.0, -1.0).astype(np.float32)
    if kind == "i":
        return rng.integers(0, 3, shape).astype(np.int64)
    return rng.uniform(size=shape) > 0.5


def is_spec(value: Any) -> bool:
    """True for a tensor spec string."""
    return isinstance(value, str) and _SPEC.match(value) is not None


@dataclass(frozen=True)
class Call:
    """One call: positional values and keywords (values still as case values)."""

    args: tuple[Any, ...]
    kwargs: dict[str, Any]


def torch_variant(torch_args: list[str], args: dict[str, Any], opt: dict[str, Any], variant: str) -> Call:
    """Build the torch call of one variant from names in ``torch_args`` order."""
    given = {**args, **({} if variant == "defaults-omitted" else opt)}
    order = [a.lstrip("*") for a in torch_args]
    var = {a[1:] for a in torch_args if a.startswith("*")}
    pos: list[Any] = []
    kw: dict[str, Any] = {}
    if variant == "positional" or (variant == "defaults-omitted" and not opt):
        used: list[str] = []
        for name in order:
            if name not in given:
                break
            pos.extend(given[name]) if name in var else pos.append(given[name])
            used.append(name)
        return Call(tuple(pos), {k: v for k, v in given.items() if k not in used})
    for name in order:  # varargs must stay positional
        if name in var and name in given:
            pos.extend(given[name])
    kw = {k: v for k, v in given.items() if k not in var}
    if variant == "reordered":
        kw = dict(reversed(list(kw.items())))
    return Call(tuple(pos), kw)


def literal(text: str | None) -> Any:
    """Value of a default repr, or raise ValueError."""
    return ast.literal_eval(text) if text is not None else None


def translate(entry: dict[str, Any], call: Call, keyword_style: bool) -> Call:
    """MindSpore call for a torch call, using only the entry's data.

    Positional torch arguments are named by ``torch_args``, torch defaults listed in
    ``defaults_diff`` are made explicit, ``kwargs_change`` renames ("" drops, "a,b" splits), and the
    result is passed by keyword (``keyword_style``) or as a positional prefix in ``ms_args`` order.
    """
    names = entry["torch_args"]
    named: dict[str, Any] = {}
    pos = list(call.args)
    for name in names:
        if not pos:
            break
        if name.startswith("*"):
            named[name[1:]], pos = tuple(pos), []
        else:
            named[name] = pos.pop(0)
    assert not pos, f"too many positional arguments for {names}"
    named.update(call.kwargs)
    for name, (torch_default, _) in entry["defaults_diff"].items():
        if name not in named and name not in entry["unsupported_args"]:
            named[name] = literal(torch_default)
    ms_kw: dict[str, Any] = {}
    for name, value in named.items():
        target = entry["kwargs_change"].get(name, name)
        if name in entry["unsupported_args"] or target == "":
            continue
        if "," in target:
            ms_kw.update(zip(target.split(","), value))
        else:
            ms_kw[target] = value
    ms_pos: list[Any] = []
    for name in entry["ms_args"]:
        bare = name.lstrip("*")
        if name.startswith("*") and bare in ms_kw:
            ms_pos.extend(ms_kw.pop(bare))
        elif keyword_style or bare not in ms_kw or (name.startswith("*")):
            break
        else:
            ms_pos.append(ms_kw.pop(bare))
    return Call(tuple(ms_pos), ms_kw)


def to_numpy(value: Any) -> Any:
    """Tensor/tuple results as numpy (nested tuples kept)."""
    if isinstance(value, (tuple, list)):
        return tuple(to_numpy(v) for v in value)
    if hasattr(value, "detach"):
        return value.detach().numpy()
    if hasattr(value, "asnumpy"):
        return value.asnumpy()
    return np.asarray(value)


def compare(expected: Any, actual: Any, tol: float) -> None:
    """Assert same structure, shape, dtype and values."""
    if isinstance(expected, tuple):
        assert isinstance(actual, tuple) and len(actual) == len(expected), f"structure {type(actual)} vs tuple[{len(expected)}]"
        for e, a in zip(expected, actual):
            compare(e, a, tol)
        return
    assert not isinstance(actual, tuple), "MindSpore returned a tuple"
    assert expected.shape == actual.shape, f"shape {actual.shape} != torch {expected.shape}"
    assert expected.dtype == actual.dtype, f"dtype {actual.dtype} != torch {expected.dtype}"
    np.testing.assert_allclose(actual.astype(np.float64), expected.astype(np.float64), rtol=1e-5, atol=tol, equal_nan=True)


def resolve(qual: str) -> Callable[..., Any]:
    """Import a dotted name (module prefix + attributes)."""
    import importlib

    parts = qual.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            obj: Any = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for attr in parts[cut:]:
            obj = getattr(obj, attr)
        return obj
    raise ImportError(qual)


def materialise(value: Any, rng: np.random.Generator) -> Any:
    """Replace tensor specs by numpy arrays (drawn in a fixed order)."""
    if isinstance(value, dict):
        return {k: materialise(v, rng) for k, v in value.items()}
    if isinstance(value, list):
        return [materialise(v, rng) for v in value]
    return make_array(value, rng) if is_spec(value) else value


def convert(value: Any, framework: str) -> Any:
    """numpy arrays (also inside lists/tuples) as torch or MindSpore tensors."""
    if isinstance(value, (list, tuple)):
        return type(value)(convert(v, framework) for v in value)
    if not isinstance(value, np.ndarray):
        return value
    if framework == "torch":
        import torch

        return torch.from_numpy(value.copy())
    import mindspore

    return mindspore.Tensor(value.copy())


def run_case(torch_name: str, entry: dict[str, Any], case: dict[str, Any], variant: str) -> None:
    """Run one variant of one case; raises AssertionError on mismatch."""
    data = materialise({k: case[k] for k in ("self", "args", "opt", "call") if k in case}, np.random.default_rng(0))
    tcall = torch_variant(entry["torch_args"], data.get("args", {}), data.get("opt", {}), variant)
    mcall = translate(entry, tcall, keyword_style=variant != "positional")
    outputs = []
    for framework, qual, call in (("torch", torch_name, tcall), ("ms", entry["ms"], mcall)):
        args = convert(call.args, framework)
        kwargs = {k: convert(v, framework) for k, v in call.kwargs.items()}
        if torch_name.startswith("torch.Tensor."):
            out = getattr(convert(data["self"], framework), qual.rsplit(".", 1)[1])(*args, **kwargs)
        elif "call" in data:
            out = resolve(qual)(*args, **kwargs)(*convert(data["call"], framework))
        else:
            out = resolve(qual)(*args, **kwargs)
        outputs.append(to_numpy(out))
    compare(outputs[0], outputs[1], case.get("tol", 1e-5))
