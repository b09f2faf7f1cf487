"""The MindTorch route: the support-table loader, project-wide route detection, the 77xx rules where the layer serves
the code, and the porting rules kept silent there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mslint.analysis.route import MINDTORCH, NATIVE, detect_route, forget_project_routes, route_of_sources
from mslint.cli import main
from mslint.knowledge.mindtorch import BETA, NOT_LISTED, NOT_SUPPORTED, STABLE, load_layer_support, torch_name
from mslint.run import lint
from tests.helpers import settings

TRAIN = """\
from mindtorch.tools import mstorch_enable  # noqa: F401
import torch

from models.net import Net

torch.manual_seed(0)
model = Net()
loss = model(torch.ones(2, 4)).sum()
loss.backward()
"""
# A file of the project that imports torch and MindSpore: under a native port it is a port in progress.
NET = """\
import mindspore
import torch
from torch import nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        self.act = nn.ReLU(inplace=True)

    def forward(self, x):
        scale = mindspore.Tensor([2.0])
        x = torch.cat([x, x], dim=1)
        return self.act(self.fc(x[:, :4])) * scale.shape[0]
"""


@pytest.fixture
def project(tmp_path) -> Path:
    """A MindTorch project: ``train.py`` enables the proxy, ``models/net.py`` only imports torch (and MindSpore)."""
    root = tmp_path / "proj"
    (root / "models").mkdir(parents=True)
    (root / "pyproject.toml").write_text("", encoding="utf-8")
    (root / "train.py").write_text(TRAIN, encoding="utf-8")
    (root / "models" / "net.py").write_text(NET, encoding="utf-8")
    forget_project_routes()
    return root


def _found(root: Path, **options: str) -> list[tuple[str, int, str]]:
    return sorted((Path(finding.path).name, finding.line, finding.symbol)
                  for finding in lint([str(root)], settings(**options), cache=False) if finding.is_mslint)


def test_loader_reads_every_published_row():
    support = load_layer_support()
    counts = {status: sum(entry.status == status for entry in support.entries.values()) for status in (STABLE, BETA, NOT_SUPPORTED)}
    assert counts == {STABLE: 167, BETA: 231, NOT_SUPPORTED: 887} and sum(counts.values()) == 1285
    assert support.torch_version == "2.1" and all("@9e844dc65dc5:" in where for where in support.docs.values())
    assert support.status("torch.Tensor.permute") == NOT_SUPPORTED  # tensor table: |Tensor.permute|Not Support|
    assert support.status("torch.linalg.norm") == NOT_SUPPORTED  # the overview: torch.linalg not supported
    assert support.status("torch.nn.Module") == NOT_LISTED  # a partly supported module that no row lists
    assert support.lookup("torch.flatten").defaults_diff == (("start_dim", "0", "1"),)
    assert {"shape", "size"} <= support.mixing_members


@pytest.mark.parametrize(("qualname", "torch"), [
    ("msadapter.pytorch.nn.Linear", "torch.nn.Linear"),
    ("mindtorch.torch.cat", "torch.cat"),
    ("mindtorch.nn.functional.relu", "torch.nn.functional.relu"),  # MindNLP's package is torch itself
    ("mindtorch.tools.mstorch_enable", None),
    ("mindspore.ops.cat", None),
])
def test_layer_names_stand_for_torch_names(qualname, torch):
    assert torch_name(qualname) == torch


@pytest.mark.parametrize(("sources", "route", "torch_is_layer", "place"), [
    ({"a.py": "import torch\n", "run.py": "from mindtorch.tools import mstorch_enable\n"}, MINDTORCH, True, "run.py:1"),
    ({"b.py": "import mindnlp\nimport torch\n"}, MINDTORCH, True, "b.py:1"),  # MindNLP 0.5+: torch is its proxy
    ({"b.py": "import mindnlp\nfrom transformers import AutoModel\n"}, MINDTORCH, True, "b.py:1"),
    ({"b.py": "import mindnlp\n"}, NATIVE, False, None),  # MindNLP without torch code routes nothing
    ({"a.py": "import torch\n", "b.py": "import mindnlp\n"}, NATIVE, False, None),  # torch in an unrelated file
    ({"b.py": "from mindnlp.models import gpt2\nimport torch\n"}, NATIVE, False, None),  # MindNLP before 0.5
    ({"a.py": "import torch\n", "b.py": "x = 1\nimport msadapter.pytorch as torch\n"}, MINDTORCH, False, "b.py:2"),
    ({"a.py": "import torch\n", "b.py": 's = """\nimport mindtorch\n"""\n'}, NATIVE, False, None),  # in a string
    ({"a.py": "import torch\nimport mindspore\n"}, NATIVE, False, None),
])
def test_route_of_sources(sources, route, torch_is_layer, place):
    found = route_of_sources(sources.items())
    assert (found.name, found.torch_is_layer) == (route, torch_is_layer)
    assert place is None or found.reason.startswith(place)


def test_route_is_found_for_the_whole_project(project):
    # models/net.py imports no layer: the route comes from train.py, found once for the project root
    assert detect_route(str(project / "models" / "net.py")) == detect_route(str(project / "train.py"))
    assert detect_route(str(project / "models" / "net.py")).torch_is_layer
    assert detect_route(str(project / "models" / "net.py"), "native").name == NATIVE


def test_mindtorch_project_linted_with_defaults(project):
    # no porting finding on code the layer serves; the layer's own limits instead
    assert _found(project) == [("net.py", 15, "ms-mindtorch-mixing"), ("train.py", 6, "ms-mindtorch-unsupported-api"),
                               ("train.py", 9, "ms-mindtorch-constraint")]


def test_route_setting_overrides_detection(project):
    found = _found(project, route="native")
    assert ("net.py", 14, "ms-torch-api") in found and ("net.py", 10, "ms-torch-api") in found
    assert not any(name == "net.py" and symbol.startswith("ms-mindtorch") for name, _, symbol in found)


def test_torch_stays_pytorch_where_the_layer_is_imported_by_name(tmp_path):
    root = tmp_path / "named"
    root.mkdir()
    (root / "setup.py").write_text("", encoding="utf-8")
    (root / "layer.py").write_text("import msadapter.pytorch as torch\n\nx = torch.linalg.norm(torch.ones(2))\n", encoding="utf-8")
    (root / "plain.py").write_text("import torch\n\nx = torch.linalg.norm(torch.ones(2))\n", encoding="utf-8")
    forget_project_routes()
    assert _found(root) == [("layer.py", 3, "ms-mindtorch-unsupported-api")]


def test_beta_rule_is_off_by_default(tmp_path):
    root = tmp_path / "beta"
    root.mkdir()
    beta = next(name for name, entry in sorted(load_layer_support().entries.items())
                if entry.status == BETA and name.startswith("torch.nn.functional.") and not entry.unsupported_args)
    (root / "m.py").write_text(f"import mindtorch.torch as torch\n\ny = {beta}(torch.ones(2))\n",
                               encoding="utf-8")
    forget_project_routes()
    assert not any(symbol == "ms-mindtorch-beta-api" for _, _, symbol in _found(root))
    assert ("m.py", 3, "ms-mindtorch-beta-api") in _found(root, extend_select="ms-mindtorch-beta-api")


def test_readiness_names_the_route_in_use(project, tmp_path, capsys):
    output = tmp_path / "report.json"
    assert main(["readiness", "--no-progress", "--format", "json", "--output", str(output), str(project)]) in (0, 1)
    capsys.readouterr()
    data = json.loads(output.read_text(encoding="utf-8"))
    current = data["routes"]["current"]
    assert (current["route"], current["torch_is_layer"]) == (MINDTORCH, True)
    assert current["reason"].startswith("proj/train.py:1 imports mindtorch.tools.mstorch_enable")
    seed = next(use for use in data["uses"] if use["api"] == "torch.manual_seed")
    assert (seed["path"], seed["line"], seed["mindtorch"]) == ("proj/train.py", 6, NOT_SUPPORTED)


def test_an_api_the_usage_limits_show_in_use_is_reported_by_its_limit(tmp_path):
    # torch.utils.data is "不支持" in the overview's module table, whose usage limits show DataLoader(pin_memory=False)
    root = tmp_path / "data"
    root.mkdir()
    (root / "m.py").write_text("from mindtorch.torch.utils.data import DataLoader, Dataset\n\n"
                               "a = DataLoader(Dataset(), pin_memory=False)\nb = DataLoader(Dataset(), pin_memory=True)\n",
                               encoding="utf-8")
    forget_project_routes()
    found = [(line, symbol) for _, line, symbol in _found(root)]
    assert found == [(3, "ms-mindtorch-unsupported-api"), (4, "ms-mindtorch-constraint"), (4, "ms-mindtorch-unsupported-api")]
    assert all(finding.message.startswith("torch.utils.data.Dataset ") for finding in lint([str(root)], settings(), cache=False)
               if finding.symbol == "ms-mindtorch-unsupported-api")
