"""Write mslint/knowledge/data/jit_forbidden.json: what the installed MindSpore refuses to compile in graph code.

Usage: GLOG_v=3 python scripts/gen_jit_forbidden.py [--check]

MindSpore marks APIs that must not run inside ``construct``/``@jit`` with ``@jit_forbidden_register``
and keeps a set of forbidden modules (``mindspore.graph._utils.check_jit_forbidden_api``); the graph
compiler refuses them with "... is not supported in 'construct' or function with @jit decorator".
Recorded here:

* ``forbidden_methods`` / ``forbidden_modules``: MindSpore's own two sets, verbatim.
* ``cell_methods``: public ``nn.Cell`` methods that fail in graph code, with the reason: registered
  forbidden, calling a forbidden method of ``self`` (``parameters_dict`` calls ``get_parameters``),
  or a generator ("Unsupported expression 'Yield'"). Read from the installed sources; a method
  that only calls a forbidden one is listed when it takes no required arguments.
* ``object_methods``: public methods of Parameter and Tensor registered forbidden (``set_data``);
  method name -> qualified names.
* ``functions``: public names in ``FUNCTION_NAMESPACES`` bound to a function or class defined in a
  forbidden module, or a function registered forbidden (``mindspore.get_context`` -> ``mindspore.context.get_context``).

``--check`` compares with the shipped file instead of writing (tests/oracle/test_jit_forbidden_data.py).
"""

from __future__ import annotations

import ast
import importlib
import inspect
import json
import os
import sys
import textwrap
from pathlib import Path

from generated_file import write_or_check

os.environ.setdefault("GLOG_v", "3")

OUTPUT = Path(__file__).resolve().parent.parent / "mslint" / "knowledge" / "data" / "jit_forbidden.json"
COMMAND = "GLOG_v=3 python scripts/gen_jit_forbidden.py"
FUNCTION_NAMESPACES = ("mindspore", "mindspore.common", "mindspore.common.initializer", "mindspore.context",
                       "mindspore.log", "mindspore.nn")


def _self_calls_and_yields(function) -> tuple[set[str], bool]:
    """Names of ``self.<m>(...)`` calls in a function's source, and whether it is a generator."""
    try:
        tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    except (OSError, TypeError, SyntaxError):
        return set(), False
    calls, generator = set(), False
    for node in ast.walk(tree.body[0]):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            if isinstance(node.func.value, ast.Name) and node.func.value.id == "self":
                calls.add(node.func.attr)
        generator = generator or isinstance(node, (ast.Yield, ast.YieldFrom))
    return calls, generator


def _no_required_arguments(function) -> bool:
    """Callable as ``self.f()``: every parameter after ``self`` has a default or is variadic."""
    parameters = list(inspect.signature(function).parameters.values())[1:]
    return all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD) for p in parameters)


def cell_methods(forbidden: set[str]) -> dict[str, str]:
    """Public Cell methods that cannot be compiled, each with its reason."""
    from mindspore import nn

    prefix = f"{nn.Cell.__module__}.Cell."
    reasons = {m[len(prefix):]: "jit-forbidden" for m in forbidden if m.startswith(prefix) and "." not in m[len(prefix):]}
    calls: dict[str, set[str]] = {}
    for name, value in vars(nn.Cell).items():
        if inspect.isfunction(value) and name not in reasons:
            calls[name], generator = _self_calls_and_yields(value)
            if generator:
                reasons[name] = "generator"
    calls = {name: called for name, called in calls.items() if _no_required_arguments(getattr(nn.Cell, name))}
    changed = True
    while changed:  # methods calling a failing method of self fail too (only argument-free ones: probed as is)
        changed = False
        for name, called in sorted(calls.items()):
            failing = sorted(c for c in called if reasons.get(c) == "jit-forbidden" or reasons.get(c, "").startswith("calls"))
            if name not in reasons and failing:
                reasons[name] = f"calls {failing[0]}"
                changed = True
    return {name: reason for name, reason in sorted(reasons.items()) if not name.startswith("_")}


def object_methods(forbidden: set[str]) -> dict[str, list[str]]:
    """Forbidden public methods of Parameter and Tensor: method name -> qualified names."""
    from mindspore import Parameter, Tensor

    owners = {f"{cls.__module__}.{cls.__qualname__}" for cls in (Parameter, Tensor)}
    found: dict[str, list[str]] = {}
    for qualname in sorted(forbidden):
        owner, _, method = qualname.rpartition(".")
        if owner in owners and not method.startswith("_"):
            found.setdefault(method, []).append(qualname)
    return found


def functions(forbidden: set[str], modules: set[str]) -> dict[str, str]:
    """Public names bound to forbidden functions/classes: alias -> defining qualified name."""
    found: dict[str, str] = {}
    for namespace in FUNCTION_NAMESPACES:
        module = importlib.import_module(namespace)
        for name in sorted(dir(module)):
            value = getattr(module, name, None)
            if name.startswith("_") or not (inspect.isfunction(value) or inspect.isclass(value)):
                continue
            qualname = f"{value.__module__}.{value.__qualname__}"
            if value.__module__ in modules or qualname in forbidden:
                found[f"{namespace}.{name}"] = qualname
    return found


def build() -> dict:
    import mindspore
    from mindspore.graph._utils import check_jit_forbidden_api as registry

    forbidden = set(registry.get_jit_forbidden_method())
    modules = set(registry.get_jit_forbidden_module())
    return {
        "mindspore_version": mindspore.__version__,
        "generated_by": COMMAND,
        "forbidden_methods": sorted(forbidden),
        "forbidden_modules": sorted(modules),
        "cell_methods": cell_methods(forbidden),
        "object_methods": object_methods(forbidden),
        "functions": functions(forbidden, modules),
    }


def render(data: dict) -> str:
    return json.dumps(data, indent=1, sort_keys=True) + "\n"


def main() -> int:
    text = render(build())
    return write_or_check(OUTPUT, text, "--check" in sys.argv)


if __name__ == "__main__":
    sys.exit(main())
