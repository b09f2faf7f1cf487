"""The supported Pythons (3.10-3.13, docs/ci.md): the CI matrix, pyproject.toml and the docs agree, every file is
Python 3.10 syntax, and TOML is read through ``mslint.core.tomlcompat`` (3.10 has no ``tomllib``)."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import yaml
from helpers import ROOT

from mslint.core.tomlcompat import tomllib

PYTHON_FOLDERS = ("mslint", "scripts", "benchmarks", "tests", "examples", "setup.py")
COMPAT = ROOT / "mslint" / "core" / "tomlcompat.py"
BAD = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def construct(self, x):\n        return x.size(0), nn.ReLU(inplace=True)(x)\n"


def python_files() -> list[tuple[Path, ast.Module]]:
    """The repository's Python files with their trees; not the test inputs that are broken on purpose (those the
    running Python cannot parse)."""
    files = []
    for name in PYTHON_FOLDERS:
        path = ROOT / name
        for file in [path] if path.is_file() else sorted(path.rglob("*.py")):
            try:
                files.append((file, ast.parse(file.read_bytes(), str(file))))
            except (SyntaxError, ValueError):
                continue
    return files


def oldest_python() -> tuple[int, int]:
    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    major, minor = re.fullmatch(r">=(\d+)\.(\d+)", requires).groups()
    return int(major), int(minor)


def test_the_ci_matrix_the_docs_and_pyproject_name_the_same_pythons():
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "tests.yml").read_text(encoding="utf-8"))
    matrix = workflow["jobs"]["suite"]["strategy"]["matrix"]["python"]
    table = re.findall(r"^\| (3\.\d+) \|", (ROOT / "docs" / "ci.md").read_text(encoding="utf-8"), re.M)
    assert matrix == table == ["3.10", "3.11", "3.12", "3.13"]
    assert tuple(map(int, matrix[0].split("."))) == oldest_python()


def test_every_file_is_python_3_10_syntax():
    oldest = oldest_python()
    for path, _ in python_files():
        ast.parse(path.read_bytes(), str(path), feature_version=oldest)


def test_tomllib_is_imported_only_through_the_compatibility_module():
    """On 3.10 ``import tomllib`` fails: every module, script and test takes it from ``mslint.core.tomlcompat``."""
    direct = []
    for path, tree in python_files():
        if path == COMPAT:
            continue
        for node in ast.walk(tree):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else [node.module] if isinstance(node, ast.ImportFrom) else []
            direct += [f"{path.relative_to(ROOT)}:{node.lineno}" for name in names if name in ("tomllib", "tomli")]
    assert direct == []


def test_mslint_runs_where_tomllib_is_missing(tmp_path):
    """Python 3.10 as far as mslint can tell: no ``tomllib``, an older version, ``tomli`` (the real tomllib stands
    in for it: same API). The settings and the rules' TOML data are read, and the check runs."""
    (tmp_path / "pyproject.toml").write_text('[tool.mslint]\nselect = ["E7204"]\n', encoding="utf-8")
    (tmp_path / "head.py").write_text(BAD, encoding="utf-8")
    program = textwrap.dedent(
        """
        import sys, tomllib
        import astroid, pylint.lint  # third-party modules choose by version at import: loaded as they are

        class Version(tuple):
            major, minor, micro = 3, 10, 14

        real, sys.version_info = sys.version_info, Version((3, 10, 14, "final", 0))
        sys.modules["tomli"], sys.modules["tomllib"] = tomllib, None  # importing tomllib raises ImportError
        import mslint.core.tomlcompat
        sys.version_info = real
        assert mslint.core.tomlcompat.tomllib is sys.modules["tomli"]
        from mslint.cli import main
        sys.exit(main(["check", "--no-cache", "head.py"]))
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, cwd=tmp_path, timeout=300,
        env={**os.environ, "PYTHONPATH": str(ROOT), "GLOG_v": "3"},
    )
    assert result.returncode == 1, result.stderr
    assert re.findall(r": (E\d{4}) ", result.stdout) == ["E7204"]  # not E7203: [tool.mslint] was read
