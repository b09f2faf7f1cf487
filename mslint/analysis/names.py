"""Name resolution through a module's imports, and Cell class hierarchies, without importing anything."""

from __future__ import annotations

import weakref
from collections.abc import Iterator

from astroid import nodes

from mslint.analysis import ast_queries
from mslint.analysis.inference import only_inferred
from mslint.knowledge.naming import canonical

# Torch-compatible layers on top of MindSpore: their torch-style idioms are intended.
TORCH_COMPAT_PACKAGES = ("msadapter", "x2ms_adapter", "mindtorch", "mindnlp.core")

def _imported_name(statement: nodes.NodeNG, name: str) -> str | None:
    if isinstance(statement, nodes.Import):
        for module, alias in statement.names:
            if alias == name:
                return module
            if alias is None and module.split(".")[0] == name:
                return name
    elif isinstance(statement, nodes.ImportFrom) and not statement.level:
        for imported, alias in statement.names:
            if (alias or imported) == name and imported != "*":
                return f"{statement.modname}.{imported}"
    return None


_QUALIFIED_NAMES: weakref.WeakKeyDictionary[nodes.NodeNG, str | None] = weakref.WeakKeyDictionary()


def qualified_name(node: nodes.NodeNG) -> str | None:
    """The dotted name an expression such as ``nn.ReLU`` or ``ms.nn.Dense`` refers to, via imports.

    ``None`` when the root name is not bound by an import (a local, a parameter, a builtin) or
    is bound more than once in different ways. Resolved once per node (the checkers ask many times).
    """
    if not isinstance(node, (nodes.Attribute, nodes.Name)):
        return None
    try:
        return _QUALIFIED_NAMES[node]
    except KeyError:
        name = _QUALIFIED_NAMES[node] = _resolve(node)
        return name


def _resolve(node: nodes.NodeNG) -> str | None:
    attributes: list[str] = []
    while isinstance(node, nodes.Attribute):
        attributes.append(node.attrname)
        node = node.expr
    if not isinstance(node, nodes.Name):
        return None
    statements = ast_queries.bindings(node)
    if statements is None:
        return None
    resolved = {_star_bound_name(statement, node.name) if _is_star_import(statement) else _imported_name(statement, node.name) for statement in statements}
    resolved.discard(_NOT_BOUND)
    if len(resolved) != 1 or None in resolved:
        return None
    return canonical(".".join([resolved.pop(), *reversed(attributes)]))


_NOT_BOUND = ""  # a star import that does not bind the name


def _is_star_import(statement: nodes.NodeNG) -> bool:
    return isinstance(statement, nodes.ImportFrom) and statement.names[0][0] == "*"


def _star_bound_name(statement: nodes.ImportFrom, name: str) -> str | None:
    """What ``from <module> import *`` binds ``name`` to: the import that module binds it with (a project module's
    ``import mindspore.nn as nn``), ``_NOT_BOUND`` when the module does not define it, None when it is something
    else or the module cannot be read."""
    try:
        module = statement.do_import_module(statement.modname)
    except Exception:  # astroid cannot build it (or it is a framework module, kept out)  # pylint: disable=broad-except
        return None
    if name not in module.locals or name.startswith("_"):
        return _NOT_BOUND
    found = {_imported_name(binding, name) if isinstance(binding, (nodes.Import, nodes.ImportFrom)) else None for binding in module.locals[name]}
    return found.pop() if len(found) == 1 else None


def is_torch_name(qualname: str | None) -> bool:
    return qualname is not None and (qualname == "torch" or qualname.startswith("torch."))


def is_mindspore_name(qualname: str | None) -> bool:
    return qualname is not None and (qualname == "mindspore" or qualname.startswith("mindspore."))


_IMPORTED_MODULES: weakref.WeakKeyDictionary[nodes.Module, frozenset[str]] = weakref.WeakKeyDictionary()


def imported_modules(module: nodes.Module) -> frozenset[str]:
    """Every module name imported anywhere in a module (``from a.b import c`` gives ``a.b``)."""
    found = _IMPORTED_MODULES.get(module)
    if found is None:
        found = _IMPORTED_MODULES[module] = frozenset(_find_imported_modules(module))
    return found


def _find_imported_modules(module: nodes.Module) -> set[str]:
    found: set[str] = set()
    for node in ast_queries.descendants(module, (nodes.Import, nodes.ImportFrom)):
        if isinstance(node, nodes.Import):
            found.update(name for name, _ in node.names)
        elif not node.level:
            found.add(node.modname)
    return found


def framework_of(module: nodes.Module) -> str:
    """'mindspore', 'torch', 'mixed', 'compat' (a torch-compatible layer) or 'none'."""
    roots = {name.split(".")[0] for name in imported_modules(module)}
    if any(name.split(".")[0] in TORCH_COMPAT_PACKAGES or name.startswith(TORCH_COMPAT_PACKAGES) for name in imported_modules(module)):
        return "compat"
    uses_ms, uses_torch = "mindspore" in roots, "torch" in roots
    if uses_ms and uses_torch:
        return "mixed"
    return "mindspore" if uses_ms else "torch" if uses_torch else "none"


def project_bases(cls: nodes.ClassDef) -> Iterator[nodes.ClassDef | str | None]:
    """Each base of a class: a ClassDef for code astroid can read, the dotted name for a
    MindSpore or PyTorch class, or None when the base cannot be resolved.

    MindSpore and PyTorch bases are recognised by name and never inferred, so astroid does not
    load their sources.
    """
    for base in cls.bases:
        name = qualified_name(base)
        if is_mindspore_name(name) or is_torch_name(name) or (name and name.startswith(TORCH_COMPAT_PACKAGES)):
            yield name
            continue
        value = only_inferred(base)
        yield value if isinstance(value, nodes.ClassDef) else None


def ancestors(cls: nodes.ClassDef) -> tuple[list[nodes.ClassDef], set[str], bool]:
    """(project ancestors incl. ``cls``, framework base names, whether every base was resolved)."""
    seen: list[nodes.ClassDef] = []
    framework: set[str] = set()
    complete = True
    pending = [cls]
    while pending:
        current = pending.pop()
        if current in seen or len(seen) > 64:
            continue
        seen.append(current)
        for base in project_bases(current):
            if isinstance(base, str):
                framework.add(base)
            elif base is None:
                complete = False
            elif base.qname() != "builtins.object":
                pending.append(base)
    return seen, framework, complete


def is_cell_class(cls: nodes.ClassDef, cell_classes: frozenset[str]) -> bool:
    """Whether a class derives, directly or through project classes, from a MindSpore Cell."""
    _, framework, _ = ancestors(cls)
    return bool(framework & cell_classes)


def enclosing_class(node: nodes.NodeNG) -> nodes.ClassDef | None:
    """The class whose method (directly) contains ``node``."""
    function = node.frame()
    while isinstance(function, (nodes.FunctionDef, nodes.Lambda)) and not isinstance(function.parent, nodes.ClassDef):
        function = function.parent.frame() if function.parent else None
    if isinstance(function, nodes.FunctionDef):
        return function.parent
    return None


def spelling(module: nodes.Module, qualname: str) -> str | None:
    """How a module can refer to ``qualname`` through its own top-level imports (``mint.einsum`` after
    ``from mindspore import mint``), or None when nothing it imports leads there."""
    best: tuple[int, str] | None = None
    for statement in module.body:
        if not isinstance(statement, (nodes.Import, nodes.ImportFrom)):
            continue
        for imported, alias in statement.names:
            local = alias or imported.split(".")[0]
            bound = _imported_name(statement, local)
            if bound and (qualname == bound or qualname.startswith(bound + ".")) and (best is None or len(bound) > best[0]):
                best = (len(bound), local + qualname[len(bound) :])
    return best[1] if best else None
