"""Which route a project takes to MindSpore: a native port, or its PyTorch code run through a torch layer (MindTorch,
formerly MSAdapter; MindNLP's torch proxy). Found once per project from the imports of its files.

The route is, in order:

1. the ``route`` setting when it is not ``auto`` (``mindtorch``: the layer is installed as ``torch``, as the 2025
   MSAdapter is, so every ``import torch`` of the project reaches it);
2. a torch proxy anywhere in the project: an import of ``mindtorch.tools.mstorch_enable`` (MindTorch), of MindNLP's
   ``mindtorch`` package, or a bare ``import mindnlp`` in a file that imports ``torch`` or ``transformers`` too
   (MindNLP 0.5+ installs its ``mindtorch`` as ``torch`` when imported); older MindNLP (``mindnlp.models``,
   ``mindnlp.utils``, ``mindnlp.transformers``) routes nothing: from then on ``import torch`` reaches the layer;
3. imports of a layer by name (``import msadapter.pytorch as torch``, ``from mindtorch.torch import nn``): the project
   takes the MindTorch route, and ``import torch`` is still PyTorch;
4. else a native port.

The project is the folder ``core.project.project_scope`` gives (its root: the nearest folder holding
``pyproject.toml``, ``setup.py``, ``.git`` ...), whose ``.py`` regular files are read once (at most
``PROJECT_FILE_LIMIT``).
"""

from __future__ import annotations

import ast
import functools
import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from mslint.core.project import project_python_files, project_scope
from mslint.knowledge.mindtorch import ENABLE_MODULE, LAYER_PACKAGES

NATIVE, MINDTORCH = "native", "mindtorch"
PROJECT_FILE_LIMIT = 5000
# Files that may import a layer (a cheap test before the file is parsed: an import written in a string is no import).
_MAYBE = re.compile(r"^[ \t]*(?:import|from)[ \t]+(?:mindtorch|msadapter|mindnlp)\b", re.MULTILINE)
_TORCH = re.compile(r"^[ \t]*(?:import|from)[ \t]+(?:torch|transformers)\b", re.MULTILINE)


def _imports(text: str) -> Iterator[tuple[int, str]]:
    """(line, module) of each absolute import a source makes (``from a import b`` gives ``a.b``); none when it does
    not parse."""
    try:
        tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield from ((node.lineno, f"{node.module}.{alias.name}") for alias in node.names)


def _signal(module: str) -> str | None:
    """What importing ``module`` says: ``proxy`` (``import torch`` reaches a layer from then on), ``layer`` (a layer
    imported by name), ``mindnlp`` (a bare ``import mindnlp``: a proxy when its file imports torch too), or None."""
    if module == ENABLE_MODULE or module.startswith(ENABLE_MODULE + "."):
        return "proxy"
    root = module.split(".")[0]
    if root == "mindtorch" and module.split(".")[1:2] not in (["torch"], ["tools"], ["torchvision"], ["torchaudio"]):
        return "proxy"  # MindNLP's mindtorch package is the torch package itself
    if root in LAYER_PACKAGES:
        return "layer"
    return "mindnlp" if module == "mindnlp" else None


REASONS = {
    "proxy": "imports {module} (every later `import torch` reaches the layer)",
    "mindnlp": "imports {module} (MindNLP 0.5+ routes `import torch` to its mindtorch)",
    "layer": "imports {module} (`import torch` stays PyTorch)",
}


@dataclass(frozen=True)
class Route:
    """A project's route, whether ``import torch`` reaches the layer there, and why (with the place that says so)."""

    name: str  # NATIVE or MINDTORCH
    torch_is_layer: bool
    reason: str

    @property
    def is_mindtorch(self) -> bool:
        return self.name == MINDTORCH


CONFIGURED = Route(MINDTORCH, True, "configured (route = \"mindtorch\": the layer is installed as torch)")
CONFIGURED_NATIVE = Route(NATIVE, False, "configured (route = \"native\")")


def _line(text: str, match: re.Match) -> int:
    return text.count("\n", 0, match.start()) + 1


def route_of_sources(sources: Iterable[tuple[str, str]]) -> Route:
    """The route that files (shown path, text) take, by the imports they make."""
    first: dict[str, str] = {}
    for shown, text in sources:
        if not _MAYBE.search(text):
            continue
        imports_torch = bool(_TORCH.search(text))
        for line, module in _imports(text):
            signal = _signal(module)
            if signal == "mindnlp" and not imports_torch:
                continue
            if signal is not None and signal not in first:
                first[signal] = f"{shown}:{line} " + REASONS[signal].format(module=module)
    if "proxy" in first:
        return Route(MINDTORCH, True, first["proxy"])
    if "mindnlp" in first:
        return Route(MINDTORCH, True, first["mindnlp"])
    if "layer" in first:
        return Route(MINDTORCH, False, first["layer"])
    return Route(NATIVE, False, "no file of the project imports a torch layer")


@functools.cache
def project_route(root: Path) -> Route:
    """The route of the project under ``root`` (read once per root and process; ``forget_project_routes`` empties it)."""
    return route_of_sources(_read(root))


def _read(root: Path) -> Iterator[tuple[str, str]]:
    for path in itertools.islice(project_python_files(root), PROJECT_FILE_LIMIT):
        try:
            yield path.relative_to(root).as_posix(), path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue


def forget_project_routes() -> None:
    """Forget the routes found so far (files may change before the next run)."""
    project_route.cache_clear()


def routes_of(paths: list[str], configured: str = "auto") -> dict[str, str]:
    """The route (with its reason) of each project the files belong to: what a cache of their findings depends on."""
    scopes = {project_scope(Path(path)) for path in paths} if configured == "auto" else set()
    return {str(scope): repr(project_route(scope)) for scope in sorted(scopes)}


def detect_route(path: str | None, configured: str = "auto") -> Route:
    """The route of the project a file (or folder) belongs to, under the ``route`` setting."""
    if configured == MINDTORCH:
        return CONFIGURED
    if configured == NATIVE or path is None:
        return CONFIGURED_NATIVE if configured == NATIVE else Route(NATIVE, False, "no file")
    return project_route(project_scope(Path(path)))
