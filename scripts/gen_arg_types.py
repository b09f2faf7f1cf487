"""Write ``mslint/knowledge/data/ms_arg_types.json``: argument types MindSpore's own validators enforce.

Usage: ``GLOG_v=3 python scripts/gen_arg_types.py [--check]``

Reads the ``__init__`` source of every ``mindspore.nn`` class (and of its MindSpore bases, and of the module
functions ``__init__`` passes its parameters to) for validator calls on a parameter:
``check_value_type("eps", eps, [float], ...)``, ``check_is_float(eps, ...)``, ``check_positive_float(...)``,
``check_int_or_tuple``-style helpers. Two claims are derived from them:

* ``float``: the validator accepts float but not int, so a literal ``1`` raises where ``1.0`` runs;
* ``not-none``: the validator's types exclude None, so an explicit ``None`` raises (PyTorch's ``stride=None``).

Each claim is kept only when running it confirms it: the class is built with its other arguments filled from
``FILLERS`` and the offending value raises TypeError while the accepted one (a float, or the default) builds.
``CALL_PROBES`` adds claims enforced when the Cell is called (``nn.Upsample(scale_factor=2)`` reaches
``ops.interpolate``'s float check), verified the same way on a call. ``--check`` compares with the shipped file.
"""

from __future__ import annotations

import argparse
import ast
import inspect
import json
import os
import sys
import textwrap
from pathlib import Path
from typing import Any, Mapping

from generated_file import write_or_check

os.environ.setdefault("GLOG_v", "3")

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "mslint" / "knowledge" / "data" / "ms_arg_types.json"
COMMAND = "GLOG_v=3 python scripts/gen_arg_types.py"

FLOAT_VALIDATORS = ("check_is_float", "check_positive_float", "check_non_negative_float", "check_float_range")
FLOAT_TYPE = {name: "float" for name in FLOAT_VALIDATORS}
# A ``validators`` key that also reads ``if not isinstance(p, T): raise TypeError`` and single-type check_value_type.
ISINSTANCE_GUARD = "isinstance-guard"
# Values for required constructor arguments when a claim is verified by building the class.
FILLERS: dict[str, Any] = {
    "in_channels": 2, "out_channels": 2, "num_features": 2, "channels": 2, "in_features": 2, "out_features": 2,
    "kernel_size": 2, "normalized_shape": (2,), "num_groups": 1, "num_channels": 2, "input_size": 2, "hidden_size": 2,
    "vocab_size": 4, "embedding_size": 2, "learning_rate": 0.1, "dim": 1, "axis": 1,
}
# Claims enforced when the Cell runs: class, parameter -> (offending value, accepted value, input shape, arguments
# the accepted call also needs). nn.Upsample with a scale_factor raises ValueError for the nearest, linear, bilinear
# and bicubic modes unless recompute_scale_factor=True (2.10).
CALL_PROBES: dict[str, dict[str, tuple[Any, Any, tuple[int, ...], dict[str, Any]]]] = {
    "Upsample": {"scale_factor": (2, 2.0, (1, 1, 4, 4), {"recompute_scale_factor": True})},
}


def _init(cls: type) -> Any:
    """``cls.__init__`` seen through decorators, including those without ``functools.wraps`` that close over it
    (``opt_init_args_register``)."""
    function = inspect.unwrap(cls.__init__)
    for cell in getattr(function, "__closure__", None) or ():
        inner = cell.cell_contents
        if inspect.isfunction(inner) and inner.__name__ == "__init__":
            return inner
    return function


def validated_parameters(cls: type, validators: Mapping[str, str] = FLOAT_TYPE) -> dict[str, set[str]]:
    """Parameter -> types accepted by the validators of ``cls.__init__`` and its MindSpore bases' ``__init__``.

    ``validators`` maps the single-type validators to read (``check_is_float`` -> ``float``) besides
    ``check_value_type``."""
    found: dict[str, set[str]] = {}
    leaf = set(inspect.signature(_init(cls)).parameters) - {"self"}
    for base in cls.__mro__:
        if not base.__module__.startswith("mindspore.") or "__init__" not in vars(base):
            continue
        for name, types in validated_function_parameters(_init(base), validators, leaf).items():
            found.setdefault(name, types)
    return found


def validated_function_parameters(function: Any, validators: Mapping[str, str], names: set[str] | None = None) -> dict[str, set[str]]:
    """Parameter -> accepted types for the validator calls in ``function``'s source (``names``: the parameters to
    follow, by default all of ``function``'s)."""
    tree = _function_tree(function)
    if tree is None:
        return {}
    followed = names if names is not None else {arg.arg for arg in ast.walk(tree.args) if isinstance(arg, ast.arg)}
    return _validator_calls(tree, {name: name for name in followed}, function.__globals__, 0, validators)


def _function_tree(function: Any) -> ast.FunctionDef | None:
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError):
        return None
    return next((node for node in tree.body if isinstance(node, ast.FunctionDef)), None)


def _validator_calls(
    function: ast.FunctionDef, parameters: dict[str, str], scope: dict[str, Any], depth: int, validators: Mapping[str, str]
) -> dict[str, set[str]]:
    """Validated parameters of ``function`` (its local names -> the class parameter they hold), following helpers
    it passes them to (module functions and functions defined inside it) one level deep."""
    local_defs = {node.name: node for node in ast.walk(function) if isinstance(node, ast.FunctionDef) and node is not function}
    found: dict[str, set[str]] = _isinstance_guards(function, parameters) if ISINSTANCE_GUARD in validators else {}
    for call in ast.walk(function):
        if not isinstance(call, ast.Call):
            continue
        called = call.func.attr if isinstance(call.func, ast.Attribute) else call.func.id if isinstance(call.func, ast.Name) else ""
        arguments = [parameters.get(arg.id) if isinstance(arg, ast.Name) else None for arg in call.args]
        if called == "check_value_type" and len(call.args) >= 3 and arguments[1] and isinstance(call.args[2], (ast.List, ast.Tuple)):
            found.setdefault(arguments[1], {ast.unparse(t) for t in call.args[2].elts})
        elif called == "check_value_type" and len(call.args) >= 3 and arguments[1] and ISINSTANCE_GUARD in validators:
            found.setdefault(arguments[1], {ast.unparse(call.args[2])})
        elif called in validators and arguments and arguments[0]:
            found.setdefault(arguments[0], {validators[called]})
        elif depth == 0 and called and any(arguments):
            helper = local_defs.get(called)
            if helper is None and inspect.isfunction(scope.get(called)) and scope[called].__module__.startswith("mindspore."):
                helper = _function_tree(inspect.unwrap(scope[called]))
            if helper is None:
                continue
            names = [a.arg for a in helper.args.args]
            renamed = {names[i]: arg for i, arg in enumerate(arguments) if arg and i < len(names)}
            for name, types in _validator_calls(helper, renamed, scope, depth + 1, validators).items():
                found.setdefault(name, types)
    return found


def _isinstance_guards(function: ast.FunctionDef, parameters: dict[str, str]) -> dict[str, set[str]]:
    """``if not isinstance(param, types): raise TypeError(...)`` guards (``nn.LayerNorm``'s ``normalized_shape``)."""
    found: dict[str, set[str]] = {}
    for node in ast.walk(function):
        test = node.test if isinstance(node, ast.If) else None
        if not (isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and isinstance(test.operand, ast.Call)):
            continue
        call = test.operand
        if not (isinstance(call.func, ast.Name) and call.func.id == "isinstance" and len(call.args) == 2 and isinstance(call.args[0], ast.Name)):
            continue
        raised = node.body[0].exc if isinstance(node.body[0], ast.Raise) else None
        raised_name = raised.func if isinstance(raised, ast.Call) else raised
        if parameters.get(call.args[0].id) and isinstance(raised_name, ast.Name) and raised_name.id == "TypeError":
            types = call.args[1].elts if isinstance(call.args[1], ast.Tuple) else [call.args[1]]
            found.setdefault(parameters[call.args[0].id], {ast.unparse(t) for t in types})
    return found


def _claims(types: set[str]) -> list[str]:
    claims = []
    if "float" in types and not types & {"int", "Number", "numbers.Number"}:
        claims.append("float")
    if not types & {"None", "type(None)", "NoneType"}:
        claims.append("not-none")
    return claims


def _build(cls: type, name: str, value: Any, optimizer: bool) -> str | None:
    """Construct ``cls`` with ``name=value``: None when it builds, else the exception class name."""
    import mindspore.nn as nn

    kwargs: dict[str, Any] = {}
    for parameter in list(inspect.signature(_init(cls)).parameters.values())[1:]:
        if parameter.name == name or parameter.kind in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD):
            continue
        if parameter.name == "params" and optimizer:
            kwargs["params"] = nn.Dense(2, 2).trainable_params()
        elif parameter.default is inspect.Parameter.empty:
            if parameter.name not in FILLERS:
                return "unfillable"
            kwargs[parameter.name] = FILLERS[parameter.name]
    try:
        cls(**kwargs, **{name: value})
    except Exception as error:  # the point is to observe the failure  # pylint: disable=broad-except
        return type(error).__name__
    return None


def _verified(cls: type, name: str, claim: str, optimizer: bool) -> bool:
    default = inspect.signature(_init(cls)).parameters[name].default
    if claim == "float":
        good = default if isinstance(default, float) else 1.0
        bad: Any = int(good) if float(good).is_integer() else 1
    else:
        good, bad = default, None
        if default is None or default is inspect.Parameter.empty:
            return False
    return _build(cls, name, good, optimizer) is None and _build(cls, name, bad, optimizer) == "TypeError"


def _call_verified(cls: type, name: str, bad: Any, good: Any, shape: tuple[int, ...], extra: dict[str, Any]) -> bool:
    import numpy as np
    from mindspore import Tensor

    x = Tensor(np.ones(shape, np.float32))
    cls(**extra, **{name: good})(x)
    try:
        cls(**extra, **{name: bad})(x)
    except TypeError:
        return True
    return False


def generate() -> dict[str, Any]:
    import mindspore
    import mindspore.nn as nn

    apis: dict[str, dict[str, dict[str, str]]] = {}
    for short in sorted(dir(nn)):
        cls = getattr(nn, short)
        if short.startswith("_") or not inspect.isclass(cls) or not issubclass(cls, nn.Cell):
            continue
        optimizer = issubclass(cls, nn.Optimizer)
        for name, types in sorted(validated_parameters(cls).items()):
            claims = [claim for claim in _claims(types) if _verified(cls, name, claim, optimizer)]
            if claims:
                source = f"validator in {cls.__module__}: accepts {', '.join(sorted(types))}; verified: TypeError"
                apis.setdefault(f"mindspore.nn.{short}", {})[name] = {"requires": claims, "when": "construction", "source": source}
        for name, (bad, good, shape, extra) in CALL_PROBES.get(short, {}).items():
            if _call_verified(cls, name, bad, good, shape, extra):
                source = "ops.interpolate validator (float scale_factor); verified: TypeError when the Cell runs"
                fact = {"requires": ["float"], "when": "call", "source": source, "with": {key: repr(value) for key, value in extra.items()}}
                apis.setdefault(f"mindspore.nn.{short}", {})[name] = fact
    return {"meta": {"format": 1, "mindspore": mindspore.__version__, "command": COMMAND}, "apis": apis}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file instead of writing")
    options = parser.parse_args()
    text = json.dumps(generate(), indent=1, sort_keys=True) + "\n"
    return write_or_check(OUT, text, options.check, COMMAND)


if __name__ == "__main__":
    sys.exit(main())
