"""MSAdapter (MindTorch) support data, mslint/knowledge/data/mindtorch_support.json: the file is current, its PyTorch-side
claims hold on PyTorch 2.13, and each PyPI torch layer does beside the installed MindSpore what the data records.

Each layer is pip-installed without its dependencies (``--no-deps --target``, plus the data's ``install`` extras) into its
own folder under the session's tmp dir and run by this interpreter with that folder first on PYTHONPATH: it sees this
MindSpore and PyTorch, and nothing changes in the main environment; pip's wheel cache makes later sessions fast. A layer
that imports runs the seeded sample (mindtorch_probes.py) and each row's verdict is compared with the recorded one.
"""

from __future__ import annotations

import ast
import importlib
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from helpers import require
from mindtorch_probes import PROBES, verdict

ms = require("mindspore")
require("torch")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
from gen_torch_mapping import torch_params  # scripts/ is not a package

LAYER = json.loads((ROOT / "mslint" / "knowledge" / "data" / "mindtorch_support.json").read_text(encoding="utf-8"))["layers"]["mindtorch"]
SAMPLE = {name: status for status, names in LAYER["sample"]["names"].items() for name in names}
PROBE_SCRIPT = Path(__file__).with_name("mindtorch_probes.py")
MINDSPORE = ".".join(ms.__version__.split(".")[:2])
SITE_PACKAGES = re.compile(r"/\S*?/site-packages/")


def _probe(module: str, site: Path | None = None) -> dict[str, Any]:
    """The probe script's answer for ``module``, with ``site`` (a layer's install folder) first on the path."""
    env = {**os.environ, "PYTHONPATH": str(site)} if site else None
    proc = subprocess.run([sys.executable, str(PROBE_SCRIPT), "--module", module], capture_output=True, text=True, timeout=600, cwd=ROOT, env=env, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    result = json.loads(proc.stdout)
    return {**result, "error": result["error"] and SITE_PACKAGES.sub("<site-packages>/", result["error"])}


@pytest.fixture(scope="session")
def pytorch_outcomes() -> dict[str, Any]:
    return _probe("torch")


@pytest.fixture(scope="session", params=sorted(LAYER["packages"]))
def layer_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    """(pip spec, folder the package is installed into)."""
    spec = request.param
    site = tmp_path_factory.mktemp("layer")
    install = [sys.executable, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-deps", "--target", str(site), spec,
               *LAYER["packages"][spec]["install"]]
    proc = subprocess.run(install, capture_output=True, text=True, timeout=900, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    return spec, site


def test_support_file_is_up_to_date() -> None:
    proc = subprocess.run([sys.executable, str(ROOT / "scripts" / "gen_mindtorch_support.py"), "--check"], capture_output=True, text=True, cwd=ROOT, timeout=120, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_probes_are_the_sample() -> None:
    assert set(PROBES) == set(SAMPLE)


def test_every_probe_works_on_pytorch(pytorch_outcomes: dict[str, Any]) -> None:
    """The probes are valid PyTorch calls, so a layer's exception is the layer's."""
    assert pytorch_outcomes["error"] is None
    assert {name: outcome for name, outcome in pytorch_outcomes["outcomes"].items() if "works" not in outcome} == {}


def test_layer_beside_installed_mindspore(layer_site: tuple[str, Path], pytorch_outcomes: dict[str, Any]) -> None:
    spec, site = layer_site
    expected = LAYER["packages"][spec]["mindspore"][MINDSPORE]
    result = _probe(LAYER["packages"][spec]["module"], site)
    assert result["error"] == expected["error"]
    assert (result["error"] is None) == expected["imports"]
    verdicts = {name: verdict(SAMPLE[name], outcome, pytorch_outcomes["outcomes"][name]) for name, outcome in result["outcomes"].items()}
    assert verdicts == expected.get("sample", {})


def _mindspore_imports(package: Path) -> set[tuple[str, str]]:
    """(module, name) of every ``from mindspore... import name`` in the package's source (name "" for ``import mindspore.x``)."""
    found: set[tuple[str, str]] = set()
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and not node.level and (node.module or "").split(".")[0] == "mindspore":
                found |= {(node.module, alias.name) for alias in node.names if alias.name != "*"}
            elif isinstance(node, ast.Import):
                found |= {(alias.name, "") for alias in node.names if alias.name.split(".")[0] == "mindspore"}
    return found


def _missing(module: str, name: str) -> str | None:
    """The dotted name this MindSpore lacks (the module when it cannot be imported), else None."""
    try:
        imported = importlib.import_module(module)
    except ImportError:
        return module
    if not name or hasattr(imported, name):
        return None
    try:
        importlib.import_module(f"{module}.{name}")
    except ImportError:
        return f"{module}.{name}"
    return None


def test_layer_needs_what_mindspore_lacks(layer_site: tuple[str, Path]) -> None:
    """Why a layer does not import: MindSpore names its source imports that the installed MindSpore lacks."""
    spec, site = layer_site
    top = LAYER["packages"][spec]["module"].split(".")[0]
    missing = {_missing(module, name) for module, name in _mindspore_imports(site / top)} - {None}
    assert sorted(missing) == LAYER["packages"][spec]["mindspore"][MINDSPORE]["missing"]


def _torch_parameters(name: str) -> dict[str, str | None] | None:
    """PyTorch 2.13's parameters of ``name`` (name -> default repr, None when required), or None when unknown."""
    params = torch_params(name)
    return None if params is None else {param[0]: param[2] if len(param) > 2 else None for param in params}


def test_documented_arguments_are_pytorch_parameters() -> None:
    """Every argument a constraint names (unsupported, ignored, other default) is a parameter of the PyTorch API."""
    unknown = {}
    for name, entry in LAYER["entries"].items():
        parameters = _torch_parameters(name)
        named = {*entry.get("unsupported_args", ()), *entry.get("ignored_args", ()), *entry.get("defaults_diff", {})}
        if parameters is not None and "kwargs" not in parameters and named - set(parameters):
            unknown[name] = sorted(named - set(parameters))
    assert unknown == KNOWN_UNKNOWN_ARGUMENTS


# Arguments the tables name that PyTorch has no parameter for (in 2.1 neither): the tables say "不支持out出参" of APIs
# without an out=. Kept as published; a rule should not read them as an unsupported argument a user could pass.
KNOWN_UNKNOWN_ARGUMENTS = {name: ["out"] for name in ("torch.bincount", "torch.full_like", "torch.hann_window", "torch.nn.ConvTranspose1d",
                                                      "torch.nn.ConvTranspose2d", "torch.nn.ConvTranspose3d")}


# PyTorch defaults that changed after 2.1, the version the tables describe: (argument, 2.1's as the table states, 2.13's).
PYTORCH_DEFAULTS_SINCE_2_1 = {"torch.optim.SGD": ("lr", None, "0.001")}


def test_documented_pytorch_defaults_hold() -> None:
    """Where a constraint states PyTorch's default ("默认值... torch为None", "torch无默认值"), PyTorch 2.13 has it."""
    wrong = {}
    for name, entry in LAYER["entries"].items():
        parameters = _torch_parameters(name) or {}
        for argument, (torch_default, _) in entry.get("defaults_diff", {}).items():
            if argument in parameters and parameters[argument] != torch_default:
                wrong[name] = (argument, torch_default, parameters[argument])
    assert wrong == PYTORCH_DEFAULTS_SINCE_2_1
