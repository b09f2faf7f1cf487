"""mslint readiness: counts, score, blockers and every report format on a fixture project."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from mslint.cli import main
from mslint.readiness import scan
from mslint.readiness.score import NO_EQUIVALENT_COST, POINTS
from mslint.run import LintSettings

PROJECT = Path(__file__).parent / "fixtures" / "readiness" / "project"
MODEL = "tests/fixtures/readiness/project/model.py"


def _report(tmp_path: Path, *args: str, fmt: str = "json") -> str:
    output = tmp_path / f"report.{fmt}"
    assert main(["readiness", str(PROJECT), "--format", fmt, "--output", str(output), *args]) == 0
    return output.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def data(tmp_path_factory) -> dict:
    return json.loads(_report(tmp_path_factory.mktemp("json"), "--target", "cpu"))


def test_counts_by_status(data):
    summary = data["summary"]
    assert summary["by_status"] == {"auto-fixable": 3, "needs-manual-change": 2, "no-equivalent": 3,
                                    "possibly-tensor-method": 2, "unknown": 1}
    assert summary["risks"] == {"graph": 2, "target": 1, "porting": 0}
    assert (summary["files"], summary["files_using_torch"], summary["uses"]) == (3, 2, 11)
    by_api = {(use["path"].rsplit("/", 1)[1], use["line"], use["api"]): use["status"] for use in data["uses"]}
    assert by_api[("model.py", 8, "torch.nn.Module")] == "needs-manual-change"
    assert by_api[("model.py", 20, "torch.Tensor.view")] == "possibly-tensor-method"
    assert by_api[("model.py", 22, "torch.frobnicate")] == "unknown"
    assert by_api[("half.py", 17, "torch.as_tensor")] == "no-equivalent"
    risks = {(risk["path"].rsplit("/", 1)[1], risk["line"], risk["symbol"]) for risk in data["risks"]}
    assert risks == {("model.py", 15, "ms-graph-try-except"), ("half.py", 12, "ms-graph-del"),
                     ("model.py", 19, "ms-op-no-kernel-on-target")}


def test_score_formula(data):
    # model.py: 3 auto + 2 manual + unknown + view (exact Tensor method) + cuda (no equivalent); 2x torch.device; 2 risks.
    points = 3 * POINTS["auto-fixable"] + 2 * POINTS["needs-manual-change"] + POINTS["unknown"] + 1.0 + 0.0
    units = 3 + 2 + 1 + 2 + NO_EQUIVALENT_COST * 2 + 2
    files = {row["path"].rsplit("/", 1)[1]: row for row in data["files"]}
    assert files["model.py"]["score"] == round(100 * points / units, 1) == 37.5
    assert files["half.py"]["score"] == 0.0  # one no-equivalent use and one graph risk
    assert files["plain.py"]["score"] == 100.0
    assert data["summary"]["score"] == round(100 * points / (units + NO_EQUIVALENT_COST + 1), 1)


def test_blockers_ranked_by_places(data):
    rows = [(row["name"], row["status"], row["count"]) for row in data["blockers"]]
    assert rows[0] == ("torch.device", "no-equivalent", 2)
    # ties: no equivalent, graph, device, unknown, manual, possible Tensor method; then by name
    assert [name for name, _, _ in rows[1:]] == [
        "torch.as_tensor", "ms-graph-del", "ms-graph-try-except", "ms-op-no-kernel-on-target", "torch.frobnicate",
        "torch.nn.Module", "torch.nn.ReLU", "torch.Tensor.cuda"]
    assert all(row["doc"].startswith("https://") for row in data["blockers"])


def test_third_party_imports(data):
    assert [(row["module"], row["status"]) for row in data["third_party"]] == [("einops", "none"), ("torchvision.ops", "none")]


def test_text_and_markdown(tmp_path):
    text = _report(tmp_path, fmt="text")
    assert text.startswith("Readiness score: ") and "no-equivalent" in text and "einops" in text
    assert "\r[" not in text  # no progress bar when stderr is not a terminal
    markdown = _report(tmp_path, fmt="markdown")
    assert "| torch.device" not in markdown and "[`torch.device`](" in markdown
    assert re.search(r"\| no-equivalent \| 3 \|", markdown)


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


def test_fix_preview_writes_nothing(tmp_path, capsys):
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


def test_html_renders_in_chromium(tmp_path, data):
    chromium = _chromium()
    page = tmp_path / "report.html"
    page.write_text(_report(tmp_path, "--target", "cpu", fmt="html"))
    assert "http://" not in page.read_text().replace('xmlns="http://www.w3.org/2000/svg"', "")
    result = subprocess.run(
        [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}", "--enable-logging=stderr", "--v=1",
         "--dump-dom", page.as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line or "Uncaught" in line]
    assert not console, console
    dom = result.stdout
    assert re.search(r'<span id="score">([\d.]+)</span>', dom).group(1) == str(data["summary"]["score"])
    assert re.search(r'<span id="uses">(\d+)</span>', dom).group(1) == str(data["summary"]["uses"])
    for status, count in data["summary"]["by_status"].items():
        assert f'<span data-status="{status}">{count}</span>' in dom
    for kind, count in data["summary"]["risks"].items():
        assert f'<span data-risk="{kind}">{count}</span>' in dom
    by_file = re.search(r'<svg id="by-file".*?</svg>', dom, re.S).group(0)
    bars = sum(int(count) for count in re.findall(r'data-count="(\d+)"', by_file))
    assert bars == data["summary"]["uses"]
