"""MindSpore names a project replaces at import (``nn.Dropout = X``, ``setattr(nn, "Dropout", X)``).

mindnlp 0.3.x replaces ``mindspore.nn.Dropout`` with a torch-style class in its package; every other module
then calls the patched class. Files are linted one at a time (and in parallel with ``-j``), so ``lint`` scans
the whole file list (and the ``__init__.py`` of their packages) once before linting and passes the names to
every worker as the ``patched-apis`` option. The scan uses the standard ``ast`` module: it must stay cheap.
"""

from __future__ import annotations

import ast
import os
import re
from collections.abc import Callable, Iterable
from pathlib import Path

from mslint.core.positions import decode_source
from mslint.knowledge.naming import canonical, is_mindspore_name

# Cheap prefilter before parsing: the roots of ``a.b.C = ...`` lines and of ``setattr(a, ...)`` calls, and the
# names mindspore import lines bind. The line patterns start with a newline (searched in the file's bytes after
# one): a pattern that starts with a character is tried where that character is, ``^`` at every position.
_ASSIGNED_ROOT = re.compile(rb"\n[ \t]*([A-Za-z_]\w*)(?:\.\w+)*\.\w+[ \t]*=(?!=)")
_SETATTR_ROOT = re.compile(rb"\bsetattr\([ \t]*([A-Za-z_]\w*)")
_MINDSPORE_IMPORT = re.compile(rb"\n[ \t]*(?:from[ \t]+mindspore[\w.]*[ \t]+import[ \t]+([^\n#]+)|import[ \t]+(mindspore[^\n#]*))")


def _may_patch(data: bytes) -> bool:
    """Whether an assignment or setattr in the file has a root name that a mindspore import binds."""
    if b"mindspore" not in data:
        return False
    lines = b"\n" + data
    roots = set(_ASSIGNED_ROOT.findall(lines))
    if b"setattr(" in data:
        roots.update(_SETATTR_ROOT.findall(data))
    if not roots - {b"self", b"cls"}:
        return False
    bound = set()
    for imported, module in _MINDSPORE_IMPORT.findall(lines):
        for part in (imported or module).replace(b"(", b" ").replace(b")", b" ").split(b","):
            words = part.split()
            if words:
                bound.add(words[-1] if b"as" in words else words[0].split(b".")[0])
    return bool(roots & bound)


def replaced_names(tree: ast.Module) -> set[str]:
    """MindSpore names a module replaces (through the names its imports bind)."""
    aliases = _import_aliases(tree)

    def dotted(node: ast.expr) -> str | None:
        if isinstance(node, ast.Name):
            return aliases.get(node.id)
        if isinstance(node, ast.Attribute):
            owner = dotted(node.value)
            return f"{owner}.{node.attr}" if owner else None
        return None

    found = set()
    for node in ast.walk(tree):
        targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
        for target in targets:
            owner = dotted(target.value) if isinstance(target, ast.Attribute) else None
            if is_mindspore_name(owner):
                found.add(canonical(f"{owner}.{target.attr}"))
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "setattr" and len(node.args) == 3:
            owner, attribute = dotted(node.args[0]), node.args[1]
            if is_mindspore_name(owner) and isinstance(attribute, ast.Constant) and isinstance(attribute.value, str):
                found.add(canonical(f"{owner}.{attribute.value}"))
    return found


def _import_aliases(tree: ast.Module) -> dict[str, str]:
    """Local name -> MindSpore module or object it is imported as (names bound twice are dropped)."""
    aliases: dict[str, str | None] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            pairs = [(alias.asname or alias.name.split(".")[0], alias.name if alias.asname else alias.name.split(".")[0]) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            pairs = [(alias.asname or alias.name, f"{node.module}.{alias.name}") for alias in node.names if alias.name != "*"]
        else:
            continue
        for local, qualified in pairs:
            aliases[local] = qualified if aliases.get(local, qualified) == qualified else None
    return {local: qualified for local, qualified in aliases.items() if qualified and is_mindspore_name(qualified)}


def _with_package_inits(files: Iterable[str]) -> list[str]:
    """The files plus the ``__init__.py`` of every package containing one (where a package patches on import)."""
    paths = dict.fromkeys(str(file) for file in files)
    seen: set[str] = set()  # folders done, with the packages above them
    for file in list(paths):
        folder = os.path.dirname(os.path.realpath(file))
        while folder not in seen and os.path.isfile(init := os.path.join(folder, "__init__.py")):
            seen.add(folder)
            paths.setdefault(init)
            folder = os.path.dirname(folder)
    return list(paths)


def replaced_in_file(data: bytes) -> set[str]:
    """``replaced_in_source`` of a file's bytes; empty when they do not decode (the lint run reports that)."""
    if not _may_patch(data):
        return set()
    try:
        text = decode_source(data)[0]
    except (SyntaxError, ValueError, LookupError):
        return set()
    return replaced_in_source(text)


def replaced_in_path(path: str) -> set[str]:
    """``replaced_in_file`` of the file at ``path`` (empty when it cannot be read)."""
    try:
        return replaced_in_file(Path(path).read_bytes())
    except OSError:
        return set()


def replaced_in_source(text: str) -> set[str]:
    """``replaced_names`` of a module's source; empty when it does not parse (the lint run reports that)."""
    if not _may_patch(text.encode("utf-8", "surrogatepass")):
        return set()
    try:
        return replaced_names(ast.parse(text))
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()


def with_project_patches(files: Iterable[str], declared: Iterable[str], replaced: Callable[[str], Iterable[str]] = replaced_in_path) -> tuple[str, ...]:
    """The ``patched-apis`` setting: the declared names (command line merged with ``[tool.mslint]``) plus the
    names ``files`` or their packages' ``__init__.py`` replace (``replaced(path)``: a file's, e.g. remembered by
    the cache)."""
    return tuple(sorted({*declared, *(name for path in _with_package_inits(files) for name in replaced(path))}))
