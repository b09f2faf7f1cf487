"""The layers of docs/architecture.md: a module imports only from its own layer or the layers below."""

from __future__ import annotations

import ast

from helpers import ROOT

# Bottom to top; the entry points (cli, the plugin's __init__, __main__) may import anything.
LAYERS = ("core", "knowledge", "analysis", "engine", "rules", "outputs", "run", "server", "readiness")
TOP = ("cli", "__init__", "__main__")


def _layer(module: str) -> int:
    part = module.split(".")[1] if "." in module else "__init__"
    if part in TOP:
        return len(LAYERS)
    return LAYERS.index(part) if part not in ("server", "readiness") else LAYERS.index("server")


def _imports(path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("mslint"):
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names if alias.name.startswith("mslint"))
    return found


def test_no_import_runs_up_a_layer():
    upward = []
    for path in sorted((ROOT / "mslint").rglob("*.py")):
        if "/cards/" in path.as_posix():
            continue
        relative = path.relative_to(ROOT).with_suffix("").as_posix().replace("/", ".")
        module = relative.removesuffix(".__init__") if relative != "mslint.__init__" else "mslint.__init__"
        own = _layer(module)
        upward += [(module, imported) for imported in _imports(path) if imported != "mslint" and _layer(imported) > own]
    assert upward == []
