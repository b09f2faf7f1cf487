"""Which framework a module is being ported from: PyTorch or TensorFlow 1.x.

Some porting rules read a value in the convention of the source framework (``nn.Dropout(0.2)`` is a drop
rate in PyTorch code and a keep probability in TensorFlow 1.x code). The origin is, in order:

1. the ``origin`` setting when it is not ``auto``;
2. the module itself: what it imports (``tensorflow``/``keras`` vs ``torch``/``torchvision``), then its idioms
   (``keep_prob``, ``.get_shape()``, ``variable_scope``, ``padding='SAME'``, ``'NHWC'`` vs ``forward`` methods,
   ``inplace=``);
3. its project: the imports of the ``.py`` files under the nearest folder holding ``pyproject.toml``,
   ``setup.py`` or ``.git`` (at most ``PROJECT_FILE_LIMIT`` files, read once per project);
4. PyTorch, the more common origin, when nothing tells.
"""

from __future__ import annotations

import functools
import itertools
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from astroid import nodes

from mslint.analysis import ast_queries, calls, names
from mslint.core.project import project_root

PYTORCH, TENSORFLOW = "pytorch", "tensorflow"
TITLES = {PYTORCH: "PyTorch", TENSORFLOW: "TensorFlow"}
PROJECT_FILE_LIMIT = 400
_ROOTS = {TENSORFLOW: ("tensorflow", "keras", "tf_slim"), PYTORCH: ("torch", "torchvision")}
_TF_CALLS = frozenset({"get_shape", "set_shape", "variable_scope", "get_variable", "placeholder"})
_TF_STRINGS = frozenset({"NHWC", "SAME", "VALID"})
_SKIPPED_FOLDERS = frozenset({"node_modules", "venv", "site-packages", "__pycache__", "build", "dist"})
_IMPORT_LINE = re.compile(r"^\s*(?:import|from)\s+(tensorflow|keras|tf_slim|torch|torchvision)\b", re.MULTILINE)


@dataclass(frozen=True)
class Origin:
    """The framework assumed for a module, and why."""

    framework: str  # PYTORCH or TENSORFLOW
    reason: str

    @property
    def is_tensorflow(self) -> bool:
        return self.framework == TENSORFLOW

    def describe(self) -> str:
        """'assuming PyTorch origin: the file imports torch' (for rule messages)."""
        return f"assuming {TITLES[self.framework]} origin: {self.reason}"


def _from_imports(module: nodes.Module) -> str | None:
    roots = {name.split(".")[0] for name in names.imported_modules(module)}
    found = [framework for framework, packages in _ROOTS.items() if roots & set(packages)]
    return found[0] if len(found) == 1 else None


def _from_idioms(module: nodes.Module) -> str | None:
    tensorflow = pytorch = False
    for node in ast_queries.descendants(module, (nodes.Call, nodes.Keyword, nodes.AssignName, nodes.FunctionDef, nodes.Const)):
        if isinstance(node, nodes.Call):
            called = node.func.attrname if isinstance(node.func, nodes.Attribute) else getattr(node.func, "name", None)
            tensorflow |= called in _TF_CALLS and not (called == "get_shape" and node.args)
        elif isinstance(node, nodes.Keyword):
            tensorflow |= node.arg == "keep_prob" and not _is_mindspore_call(node.parent)
            pytorch |= node.arg == "inplace"
        elif isinstance(node, nodes.AssignName):
            tensorflow |= node.name == "keep_prob"
        elif isinstance(node, nodes.FunctionDef):
            pytorch |= node.name == "forward" and isinstance(node.parent, nodes.ClassDef)
        elif isinstance(node.value, str):
            tensorflow |= node.value in _TF_STRINGS
    if tensorflow != pytorch:
        return TENSORFLOW if tensorflow else PYTORCH
    return None


def _is_mindspore_call(node: nodes.NodeNG) -> bool:
    """A call of a MindSpore API, or a ``functools.partial`` of one."""
    if not isinstance(node, nodes.Call):
        return False
    prepared = calls.prepared_call(node)
    return names.is_mindspore_name(names.qualified_name((prepared or node).func))


@functools.cache
def _project_origin(root: Path) -> str | None:
    """The framework the project's files import, when they import only one of the two."""
    seen: set[str] = set()
    for path in itertools.islice(_python_files(root), PROJECT_FILE_LIMIT):
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        seen.update(TENSORFLOW if package in _ROOTS[TENSORFLOW] else PYTORCH for package in _IMPORT_LINE.findall(text))
    return seen.pop() if len(seen) == 1 else None


def _python_files(root: Path) -> Iterator[Path]:
    """The ``.py`` files under ``root`` in a stable order, skipping hidden and virtualenv folders."""
    for folder, subfolders, files in os.walk(root):
        subfolders[:] = sorted(name for name in subfolders if not name.startswith(".") and name not in _SKIPPED_FOLDERS)
        yield from (Path(folder) / name for name in sorted(files) if name.endswith(".py"))


def detect_origin(module: nodes.Module, configured: str = "auto") -> Origin:
    """The origin of ``module`` under the ``origin`` setting."""
    if configured in (PYTORCH, TENSORFLOW):
        return Origin(configured, "configured (origin setting)")
    framework = _from_imports(module)
    if framework:
        return Origin(framework, f"the file imports {'tensorflow' if framework == TENSORFLOW else 'torch'}")
    framework = _from_idioms(module)
    if framework:
        return Origin(framework, f"the file uses {TITLES[framework]} idioms")
    root = project_root(Path(module.file).parent) if module.file else None
    framework = _project_origin(root) if root else None
    if framework:
        return Origin(framework, f"the project imports {'tensorflow' if framework == TENSORFLOW else 'torch'}")
    return Origin(PYTORCH, "no TensorFlow sign in the file or its project")
