"""Which project files astroid reads on behalf of another: every import it resolves between two project files
(not the interpreter's library or site-packages), recorded while a lint run asks for it (``mslint.run.cache``)."""

from __future__ import annotations

import os
import site
import sys
from collections import defaultdict
from collections.abc import Iterable, Mapping
from typing import Any

from mslint.core.notebooks import NOTEBOOK_SUFFIX

# importing file -> imported files, in this process since recording started or the last ``take_recorded()``.
_recorded: defaultdict[str, set[str]] = defaultdict(set)
_original_import_module: Any = None


def _installed_locations() -> tuple[str, ...]:
    folders = {sys.prefix, sys.base_prefix, sys.exec_prefix, *site.getsitepackages()}
    if site.ENABLE_USER_SITE and site.getusersitepackages():
        folders.add(site.getusersitepackages())
    return tuple(os.path.join(os.path.realpath(folder), "") for folder in folders)


def start_recording() -> None:
    """Record each import astroid resolves between two project files from now on (idempotent)."""
    global _original_import_module  # pylint: disable=global-statement
    from astroid import nodes

    if _original_import_module is not None:
        return
    original = _original_import_module = nodes.Module.import_module
    installed = _installed_locations()
    project: dict[str, str | None] = {}

    def project_path(path: str | None) -> str | None:
        if path not in project:
            real = os.path.realpath(path) if path and path.endswith((".py", NOTEBOOK_SUFFIX)) else None
            project[path] = os.path.abspath(path) if real and not real.startswith(installed) else None
        return project[path]

    def import_module(self: nodes.Module, *args: Any, **kwargs: Any) -> nodes.Module:
        module = original(self, *args, **kwargs)
        importing, imported = project_path(self.file), project_path(module.file)
        if importing and imported and importing != imported:
            _recorded[importing].add(imported)
        return module

    nodes.Module.import_module = import_module


def stop_recording() -> None:
    global _original_import_module  # pylint: disable=global-statement
    from astroid import nodes

    if _original_import_module is not None:
        nodes.Module.import_module = _original_import_module
        _original_import_module = None


def take_recorded() -> dict[str, list[str]]:
    """The imports recorded so far (forgotten here), as JSON-ready lists."""
    taken = {importing: sorted(imported) for importing, imported in _recorded.items()}
    _recorded.clear()
    return taken


def add_recorded(imports: Mapping[str, Iterable[str]]) -> None:
    """Merge imports recorded elsewhere (a pylint -j worker)."""
    for importing, imported in imports.items():
        _recorded[importing].update(imported)


def reachable(start: str, imports: Mapping[str, Iterable[str]]) -> set[str]:
    """The files reachable from ``start`` through recorded imports, ``start`` excluded."""
    seen, pending = {start}, [start]
    while pending:
        for imported in imports.get(pending.pop(), ()):
            if imported not in seen:
                seen.add(imported)
                pending.append(imported)
    seen.discard(start)
    return seen
