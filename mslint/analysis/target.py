"""The device a module runs on, and whether it compiles Cells in GRAPH_MODE, read from its own calls.

With ``target = "auto"`` (the default) the target is detected **per file**: mslint looks for
``mindspore.set_context(device_target="...")``, ``mindspore.context.set_context(...)`` and
``mindspore.set_device("...")`` with a constant string anywhere in the linted module. When there
is no such call, or the calls name different devices, or the value is not a constant, the effective
target is ``"none"`` and target-specific rules (all Ascend rules) stay silent for that file. A model
file imported by a training script that sets the device is therefore not linted for Ascend unless
``--target ascend`` (or ``[tool.mslint] target``) is given.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

from astroid import nodes

from mslint.analysis import ast_queries, names
from mslint.core.settings import Settings

SET_CONTEXT = frozenset({"mindspore.set_context", "mindspore.context.set_context"})
SET_DEVICE = frozenset({"mindspore.set_device"})
# Devices by their --target name, with the spelling MindSpore's docs and op tables use.
PLATFORM_NAMES = {"ascend": "Ascend", "gpu": "GPU", "cpu": "CPU"}


_CONTEXT_FUNCTIONS = frozenset(name.rpartition(".")[2] for name in SET_CONTEXT | SET_DEVICE)


def _context_calls(module: nodes.Module) -> Iterator[tuple[nodes.Call, str, nodes.NodeNG]]:
    """(call, key, value) of every ``device_target`` / ``mode`` argument of the module's context calls."""
    for call in ast_queries.descendants(module, nodes.Call):
        if isinstance(call.func, nodes.Attribute) and call.func.attrname not in _CONTEXT_FUNCTIONS:
            continue  # a dotted name ends with the attribute: not a context call
        name = names.qualified_name(call.func)
        if name in SET_CONTEXT:
            for keyword in call.keywords or ():
                if keyword.arg in ("device_target", "mode"):
                    yield call, keyword.arg, keyword.value
        elif name in SET_DEVICE:
            values = call.args[:1] + [kw.value for kw in call.keywords or () if kw.arg == "device_target"]
            yield from ((call, "device_target", value) for value in values)


# Found once per module: every checker asks.
_context_arguments = ast_queries.ModuleMemo(lambda module: list(_context_calls(module)))


def _device(value: nodes.NodeNG) -> str:
    constant = value.value if isinstance(value, nodes.Const) and isinstance(value.value, str) else None
    device = (constant or "").lower()
    return device if device in PLATFORM_NAMES else "none"


def detect_target(module: nodes.Module) -> str:
    """'ascend', 'gpu' or 'cpu' when the module's constant device settings agree on one, else 'none'."""
    found = {_device(value) for _, key, value in _context_arguments(module) if key == "device_target"}
    return found.pop() if len(found) == 1 else "none"


def device_call(module: nodes.Module, device: str) -> nodes.Call | None:
    """The module's first ``set_context``/``set_device`` call that names ``device`` as a constant."""
    return next((call for call, key, value in _context_arguments(module) if key == "device_target" and _device(value) == device), None)


def _is_graph_mode(value: nodes.NodeNG) -> bool:
    """``GRAPH_MODE`` however it is spelled (``ms.GRAPH_MODE``, ``context.GRAPH_MODE``, ``GRAPH_MODE``) or ``0``."""
    if isinstance(value, nodes.Const):
        return value.value == 0
    return (isinstance(value, nodes.Attribute) and value.attrname == "GRAPH_MODE") or (
        isinstance(value, nodes.Name) and value.name == "GRAPH_MODE"
    )


def sets_graph_mode(module: nodes.Module) -> bool:
    """Whether the module calls ``set_context(mode=GRAPH_MODE)`` (or ``mode=0``)."""
    return any(key == "mode" and _is_graph_mode(value) for _, key, value in _context_arguments(module))


def module_settings(settings: Settings, module: nodes.Module) -> Settings:
    """The settings for one module: a configured target wins; ``auto`` becomes the detected one."""
    if settings.target != "auto":
        return settings
    return dataclasses.replace(settings, target=detect_target(module))
