"""mslint readiness: counts, score, blockers and every report format on a fixture project."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import astroid
import pytest

from mslint.cli import main
from mslint.knowledge.mappings import clean_note, docs_version, load_torch_mapping
from mslint.readiness import scan
from mslint.readiness.effort import OVERRIDES, RISK_WEIGHTS, TENSOR_LIKELIHOOD, WEIGHTS
from mslint.readiness.render_text import places
from mslint.readiness.scan import api_uses, classify
from mslint.run import LintSettings

PROJECT = Path(__file__).parent / "fixtures" / "readiness" / "project"
MODEL = "tests/fixtures/readiness/project/model.py"


def _report(tmp_path: Path, *args: str, fmt: str = "json", project: Path | None = PROJECT) -> str:
    output = tmp_path / f"report.{fmt}"
    assert main(["readiness", *([str(project)] if project else []), "--format", fmt, "--output", str(output), *args]) == 0
    return output.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> dict:
    return json.loads(_report(tmp_path_factory.mktemp("json"), "--target", "cpu"))


def test_counts_by_status(data):
    summary = data["summary"]
    assert summary["by_status"] == {"auto-fixable": 3, "needs-manual-change": 5, "no-equivalent": 6,
                                    "possibly-tensor-method": 2, "unknown": 1}
    assert summary["risks"] == {"graph": 2, "target": 1, "porting": 0}
    assert (summary["files"], summary["files_using_torch"], summary["uses"]) == (4, 3, 17)
    by_api = {(use["path"].rsplit("/", 1)[1], use["line"], use["api"]): use["status"] for use in data["uses"]}
    assert by_api[("model.py", 8, "torch.nn.Module")] == "needs-manual-change"
    assert by_api[("model.py", 20, "torch.Tensor.view")] == "possibly-tensor-method"
    assert by_api[("model.py", 22, "torch.frobnicate")] == "unknown"
    assert by_api[("half.py", 17, "torch.as_tensor")] == "no-equivalent"
    assert by_api[("layers.py", 10, "torch.jit.ignore")] == "no-equivalent"
    risks = {(risk["path"].rsplit("/", 1)[1], risk["line"], risk["symbol"]) for risk in data["risks"]}
    assert risks == {("model.py", 15, "ms-graph-try-except"), ("half.py", 12, "ms-graph-del"),
                     ("model.py", 19, "ms-op-no-kernel-on-target")}


@pytest.mark.parametrize("source, status", [
    ("nn.Sequential(*layers)", "auto-fixable"),  # SequentialCell(*cells) takes the same arguments
    ("nn.Sequential(conv, act)", "auto-fixable"),
    ("nn.Sequential(**named)", "needs-manual-change"),
    ("nn.ReLU(inplace=True)", "needs-manual-change"),
    ("nn.ReLU()", "auto-fixable"),
])
def test_classify_calls(source, status):
    call = astroid.extract_node(f"from torch import nn\n{source}")
    entry = load_torch_mapping()["torch.nn." + source.split("(")[0].split(".")[1]]
    assert classify(entry, call) == status


def test_layer_named_by_its_module():
    module = astroid.parse("import torch\nnorm = torch.nn.modules.batchnorm.BatchNorm2d(8)\n")
    assert [(use.api, use.kind) for use in api_uses(module, "x.py")] == [("torch.nn.BatchNorm2d", "semantic-diff")]


def test_bases_in_files_scanned_later_resolve(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "a_child.py").write_text(
        "from .z_base import Base\n\n\nclass Child(Base):\n    def all(self):\n        return self.modules()\n")
    (package / "z_base.py").write_text("import torch.nn as nn\n\n\nclass Base(nn.Module):\n    pass\n")
    report = json.loads(_report(tmp_path, str(package), project=None))
    assert [(use["path"].rsplit("/", 1)[1], use["api"]) for use in report["uses"]] == [
        ("a_child.py", "torch.nn.Module.modules"), ("z_base.py", "torch.nn.Module")]


def test_a_fifo_is_reported_not_read(tmp_path):
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "a.py").write_text("import torch\n\nx = torch.zeros(2)\n")
    os.mkfifo(package / "pipe.py")
    # a process of its own, with a timeout: reading the FIFO would block for ever
    command = [sys.executable, "-m", "mslint", "readiness", str(package), "--format", "json", "--no-progress"]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True,
                               env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    files = {Path(entry["path"]).name: entry for entry in json.loads(completed.stdout)["files"]}
    assert files["pipe.py"]["error"] == "not a regular file (FIFO, device or socket)"
    assert files["a.py"].get("error") is None


def test_jobs_give_the_same_report(tmp_path, data):
    # a process of its own: pylint's -j run (for the half-migrated file) pickles the streams pytest replaces
    output = tmp_path / "report.json"
    command = [sys.executable, "-m", "mslint", "readiness", str(PROJECT), "--target", "cpu", "-j", "2", "--format", "json",
               "--output", str(output)]
    subprocess.run(command, check=True, timeout=600, env={**os.environ, "PYTHONPATH": str(Path(__file__).parent.parent)})
    assert json.loads(output.read_text(encoding="utf-8")) == data


def test_effort_by_kind_of_change(data):
    change = {(use["path"].rsplit("/", 1)[1], use["line"], use["api"]): (use["change"], use["effort"]) for use in data["uses"]}
    assert change[("model.py", 16, "torch.cat")] == ("mechanical", WEIGHTS["mechanical"])
    assert change[("model.py", 12, "torch.nn.ReLU")] == ("arguments", WEIGHTS["arguments"])  # inplace=True must go
    # semantic-diff pinned to arguments (bias -> has_bias, pad_mode) vs one that is not (in-place init)
    assert change[("layers.py", 8, "torch.nn.Conv2d")] == ("arguments", WEIGHTS["arguments"])
    assert change[("layers.py", 27, "torch.nn.init.zeros_")] == ("semantic", WEIGHTS["semantic"])
    assert change[("half.py", 17, "torch.as_tensor")] == ("rewrite", WEIGHTS["rewrite"])
    assert change[("model.py", 22, "torch.frobnicate")] == ("lookup", WEIGHTS["lookup"])
    # overrides: a dropped decorator is mechanical, nn.Module one pattern per class
    assert change[("layers.py", 10, "torch.jit.ignore")] == ("mechanical", WEIGHTS["mechanical"])
    assert change[("model.py", 8, "torch.nn.Module")] == ("arguments", WEIGHTS["arguments"])
    # a possible Tensor method weighs half its change
    assert change[("model.py", 21, "torch.Tensor.cuda")] == ("rewrite", TENSOR_LIKELIHOOD * WEIGHTS["rewrite"])
    assert WEIGHTS["mechanical"] < WEIGHTS["arguments"] < WEIGHTS["semantic"] < WEIGHTS["rewrite"]
    assert all(row.reason and row.change in WEIGHTS for row in OVERRIDES.values())


def test_docs_state_the_effort_model():
    docs = (Path(__file__).parent.parent / "docs" / "readiness.md").read_text(encoding="utf-8")
    for change, weight in WEIGHTS.items():
        assert f"| `{change}` | {weight:g} |" in docs
    for row in OVERRIDES.values():
        assert f"| `{row.api}` | `{row.change}` | {row.reason} |" in docs
    assert all(f"`{kind}` {weight:g}" in docs for kind, weight in RISK_WEIGHTS.items())


def test_score_derived_from_effort(data):
    uses, risks = data["uses"], data["risks"]
    effort = sum(use["effort"] for use in uses) + sum(RISK_WEIGHTS[risk["kind"]] for risk in risks)
    yardstick = sum(TENSOR_LIKELIHOOD if use["status"] == "possibly-tensor-method" else 1 for use in uses) * WEIGHTS["mechanical"]
    assert data["summary"]["effort"] == effort == 60.5
    assert data["summary"]["score"] == round(100 * yardstick / effort, 1) == 26.4
    files = {row["path"].rsplit("/", 1)[1]: row for row in data["files"]}
    assert files["half.py"]["score"] == round(100 * 1 / (WEIGHTS["rewrite"] + RISK_WEIGHTS["graph"]), 1)
    assert files["plain.py"]["score"] is None and files["plain.py"]["effort"] == 0  # nothing to port
    assert [(row["folder"], row["effort"]) for row in data["folders"]] == [("project/", 49.5), ("project/sub/", 11.0)]


def test_blockers_ranked_by_effort_with_places(data):
    rows = {row["name"]: row for row in data["blockers"]}
    order = [row["name"] for row in data["blockers"]]
    assert order[0] == "torch.device" and rows["torch.device"]["effort"] == 2 * WEIGHTS["rewrite"]
    # three dropped decorators cost less than one in-place init rewrite
    assert rows["torch.jit.ignore"]["count"] == 3 and order.index("torch.nn.init.zeros_") < order.index("torch.jit.ignore")
    assert rows["torch.jit.ignore"]["reason"].startswith("drop the decorator")
    assert [(place["line"], place["column"]) for place in rows["torch.jit.ignore"]["places"]] == [(10, 6), (14, 6), (18, 6)]
    assert [place["line"] for place in rows["ms-graph-try-except"]["places"]] == [15]
    efforts = [row["effort"] for row in data["blockers"]]
    assert efforts == sorted(efforts, reverse=True)
    # MindSpore's pages for APIs; a rule's page in the source tree (mslint has no public documentation site)
    assert all(row["doc"].startswith(("https://", "docs/rules/")) for row in data["blockers"])


def test_third_party_imports(data):
    assert [(row["module"], row["status"]) for row in data["third_party"]] == [("einops", "none"), ("torchvision.ops", "none")]


def test_knowledge_base_text_is_clean():
    for entry in load_torch_mapping().values():
        assert not re.search(r"VERIFIED|\[fact\]|Argument-level mapping|\|\||\[category changed|introspection", entry.note), entry.torch
        assert entry.doc is None or entry.doc.startswith(f"https://www.mindspore.cn/docs/en/r{docs_version()}/"), entry.torch
    assert clean_note("Same. || VERIFIED(MS 2.10.0, torch 2.13.0+cpu, CPU): C1 [SAME]") == "Same."
    internal = "Tensor has no cpu() [fact]; use x.asnumpy(). Argument-level mapping unavailable (signature not introspectable)."
    assert clean_note(internal) == "Tensor has no cpu(); use x.asnumpy()."
    cut = "MindSpore: " + "The first sentence is whole. " * 12 + "MindSpore does not have `out` paramete"
    assert clean_note(cut).endswith("is whole.")


def test_text_report(tmp_path):
    text = _report(tmp_path, "--target", "cpu", fmt="text")
    assert text.startswith("Readiness score: 26.4/100, estimated effort 60.5")
    assert "Top blockers by effort (10 of 12):" in text and "(1 file)" in text and "1 files" not in text
    assert "1 file without PyTorch use not listed" in text and "plain.py" not in text
    ignore = text[text.index("torch.jit.ignore ["):]
    assert re.search(r"at: \S+layers\.py:10:6\n +\S+layers\.py:14:6\n +\S+layers\.py:18:6\n", ignore)
    assert "\r[" not in text  # no progress bar when stderr is not a terminal
    what = " ".join(line.strip() for line in text[text.index("torch.nn.Module ["):].split("at:")[0].splitlines()[1:]).strip()
    assert what.endswith("while a Module starts in train mode: call set_train().")  # whole, never cut mid-word


def test_top_places_and_more():
    row = {"places": [{"path": "a.py", "line": line, "column": 1} for line in range(1, 6)]}
    assert places(row, 3) == ["a.py:1:1", "a.py:2:1", "a.py:3:1", "and 2 more"]
    assert places(row, 5) == [f"a.py:{line}:1" for line in range(1, 6)]


def test_markdown_lists_places(tmp_path):
    markdown = _report(tmp_path, "--target", "cpu", fmt="markdown")
    assert "[`torch.device`](" in markdown and re.search(r"\| no-equivalent \| 6 \|", markdown)
    assert "<code>torch.jit.ignore</code>: 3 places</summary>" in markdown
    assert re.search(r"`\S+layers\.py:10`, `\S+layers\.py:14`, `\S+layers\.py:18`", markdown)
    assert "plain.py" not in markdown


def test_csv_one_row_per_use_and_risk(tmp_path, data):
    rows = list(csv.DictReader(io.StringIO(_report(tmp_path, "--target", "cpu", fmt="csv"))))
    assert list(rows[0]) == ["file", "line", "column", "api", "status", "mindspore", "change", "effort", "advice", "doc", "cell"]
    assert len(rows) == data["summary"]["uses"] + len(data["risks"])
    cat = next(row for row in rows if row["api"] == "torch.cat")
    assert (cat["file"].rsplit("/", 1)[1], cat["line"], cat["column"], cat["status"], cat["mindspore"], cat["effort"]) == (
        "model.py", "16", "17", "auto-fixable", "mindspore.mint.cat", "1")
    risk = next(row for row in rows if row["api"] == "ms-graph-del")
    assert (risk["status"], risk["line"]) == ("graph", "12")


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("fmt", ["json", "csv", "html"])
def test_progress_on_a_terminal_for_every_format(tmp_path, monkeypatch, fmt):
    terminal = _Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    _report(tmp_path, fmt=fmt)
    assert "] 4/4 files\n" in terminal.getvalue()
    quiet = _Terminal()
    monkeypatch.setattr("sys.stderr", quiet)
    _report(tmp_path, "--no-progress", fmt=fmt)
    assert quiet.getvalue() == ""


def test_fix_preview_on_pytorch_code_writes_nothing(tmp_path, capsys):
    source = "import torch\n\n\ndef join(x):\n    return torch.cat([x, x], dim=1)\n"
    path = tmp_path / "net.py"
    path.write_text(source)
    assert main(["readiness", str(path), "--fix-preview"]) == 1
    out, err = capsys.readouterr()
    assert "+from mindspore import mint\n" in out and "-    return torch.cat([x, x], dim=1)\n+    return mint.cat([x, x], dim=1)\n" in out
    assert "import mindspore" not in out.replace("from mindspore import mint", "")  # the preview's marker never shows
    assert "1 file would change (1 PyTorch call rewritten" in err
    assert path.read_text() == source and sorted(p.name for p in tmp_path.iterdir()) == ["net.py"]


def test_fix_preview_says_why_nothing(tmp_path, capsys):
    (tmp_path / "layers.py").write_text("import torch.nn as nn\n\nact = nn.ReLU(inplace=True)\n")
    assert main(["readiness", str(tmp_path), "--fix-preview"]) == 0
    out, err = capsys.readouterr()
    assert out == "" and "nothing would change: of 1 PyTorch calls, none has a safe rewrite" in err
    (tmp_path / "layers.py").write_text("def add(a, b):\n    return a + b\n")
    assert main(["readiness", str(tmp_path), "--fix-preview"]) == 0
    assert "nothing would change: no file imports torch" in capsys.readouterr().err


def _risks(tmp_path: Path, *args: str) -> set[tuple[str, str]]:
    return {(risk["path"].rsplit("/", 1)[1], risk["symbol"]) for risk in json.loads(_report(tmp_path, *args))["risks"]}


def test_ignore_and_graph_mode_choose_the_risks(tmp_path):
    both = {("half.py", "ms-graph-del"), ("model.py", "ms-op-no-kernel-on-target")}
    assert _risks(tmp_path, "--target", "cpu", "--ignore", "ms-graph-try-except") == both
    assert _risks(tmp_path, "--target", "cpu", "--ignore", "ms-op-no-kernel-on-target,ms-graph-del") == {("model.py", "ms-graph-try-except")}
    assert _risks(tmp_path, "--target", "cpu", "--graph-mode", "never") == {("model.py", "ms-op-no-kernel-on-target")}


def test_lint_options_reach_the_lint_of_half_migrated_files(tmp_path, monkeypatch):
    given = []
    monkeypatch.setattr(scan, "lint", lambda paths, settings: given.append(settings) or [])
    _report(tmp_path, "-j", "2", "--mindspore-version", "2.9", "--profile", "migration", "--select", "ms-default-differs",
            "--patched-apis", "mindspore.nn.Dropout", "--target", "cpu")
    assert given == [LintSettings(mindspore_version="2.9", target="cpu", profile="migration", jit_syntax_level="lax", graph_mode="always",
                                  patched_apis=("mindspore.nn.Dropout",), select=("ms-default-differs",), jobs=2)]


def test_fix_preview_keeps_mindspore_fixes(tmp_path, capsys):
    source = "from mindspore import nn\n\nact = nn.ReLU(inplace=True)\n"
    path = tmp_path / "net.py"
    path.write_text(source)
    assert main(["readiness", str(path), "--fix-preview"]) == 1
    assert "-act = nn.ReLU(inplace=True)\n+act = nn.ReLU()" in capsys.readouterr().out
    assert path.read_text() == source


def _chromium() -> str | None:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None and os.environ.get("CI"):
        pytest.fail("chromium is required in CI (scripts/setup_and_test.sh installs it)")
    if found is None:
        pytest.skip("chromium is not installed")
    return found


# Appended to a copy of the page: record the page width at 1,280 px with every list of places open, and sort the
# blockers by effort, ascending.
PROBE = """<script>
document.querySelectorAll("details").forEach(function (details) { details.open = true; });
document.body.setAttribute("data-scroll-width", document.documentElement.scrollWidth);
document.querySelectorAll("#blockers th")[4].click();
document.body.setAttribute("data-first-effort", document.querySelector("#blockers tbody tr").cells[4].dataset.sort);
</script></body>"""


def _chromium_run(chromium: str, tmp_path: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--hide-scrollbars", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr",
         "--v=1", "--window-size=1280,1600", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


def test_html_is_self_contained(tmp_path):
    html = _report(tmp_path, "--target", "cpu", fmt="html")
    assert not re.search(r"<(?:img|script|iframe|embed|object|audio|video)[^>]*\ssrc=|<link[^>]*href=\"(?!data:)|url\(|@import", html)
    assert html.count('class="sortable"') == 4  # folders, blockers, third-party, files


def test_html_renders_in_chromium(tmp_path, data):
    from PIL import Image

    chromium = _chromium()
    page = tmp_path / "report.html"
    page.write_text(_report(tmp_path, "--target", "cpu", fmt="html"))
    shot = tmp_path / "shot.png"
    result = _chromium_run(chromium, tmp_path, f"--screenshot={shot}", page.as_uri())
    assert result.returncode == 0 and shot.exists(), result.stderr[-2000:]
    image = Image.open(shot).convert("RGB")
    assert image.size == (1280, 1600)
    colors = image.getcolors(maxcolors=1 << 16) or []
    inked = sum(count for count, color in colors if color != (255, 255, 255))
    assert len(colors) > 50 and inked > 0.03 * 1280 * 1600  # text, tables and bars, not a blank page
    assert dict((color, count) for count, color in colors).get((0x15, 0x65, 0xC0), 0) > 500  # the effort-by-folder bars

    probed = tmp_path / "probed.html"
    probed.write_text(page.read_text().replace("</body>", PROBE))
    result = _chromium_run(chromium, tmp_path, "--dump-dom", probed.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console
    dom = result.stdout
    assert int(re.search(r'data-scroll-width="(\d+)"', dom).group(1)) <= 1280  # no horizontal scrolling at 1,280 px
    assert float(re.search(r'data-first-effort="([\d.]+)"', dom).group(1)) == min(row["effort"] for row in data["blockers"])
    assert re.search(r'<span id="score">([\d.]+)</span>', dom).group(1) == str(data["summary"]["score"])
    assert re.search(r'<span id="uses">(\d+)</span>', dom).group(1) == str(data["summary"]["uses"])
    for status, count in data["summary"]["by_status"].items():
        assert f'<span data-status="{status}">{count}</span>' in dom
    for kind, count in data["summary"]["risks"].items():
        assert f'<span data-risk="{kind}">{count}</span>' in dom
    for section in ("folders-section", "blockers-section", "charts-section", "files-section", "third-party-section"):
        assert f'id="{section}"' in dom
    folders = re.search(r'<svg id="effort-by-folder".*?</svg>', dom, re.S).group(0)
    assert [float(value) for value in re.findall(r'data-effort="([\d.]+)"', folders)] == [row["effort"] for row in data["folders"]]
    blockers = re.search(r'<table id="blockers".*?</table>', dom, re.S).group(0)
    assert blockers.count("<details") == len(data["blockers"])
    assert blockers.count("<li>") == sum(row["count"] for row in data["blockers"])
    assert re.search(r"<li>(?:[^<]|<wbr>)*layers\.<wbr>py:10:6</li>", blockers)
    by_file = re.search(r'<svg id="by-file".*?</svg>', dom, re.S).group(0)
    assert sum(int(count) for count in re.findall(r'data-count="(\d+)"', by_file)) == data["summary"]["uses"]
