"""Rule selection as in Ruff (--select replaces, --extend-select adds, --ignore removes, prefixes), the command
line over [tool.mslint], and bad [tool.mslint] tables reported in one line with exit 2 (issue 14)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from mslint.cli import main
from mslint.core.codes import find_code
from mslint.core.settings import ConfigError, read_tool_table, rules_matching

# E7204 (size call), E7203 (inplace) and I7212 (dropout keep_prob, on by default) on one file
SOURCE = (
    "from mindspore import nn\n\nclass Head(nn.Cell):\n    def __init__(self):\n        super().__init__()\n"
    "        self.drop = nn.Dropout(keep_prob=0.8)\n"
    "    def construct(self, x):\n        return x.size(0), nn.ReLU(inplace=True)(x)\n"
)


@pytest.fixture
def model(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "model.py").write_text(SOURCE, encoding="utf-8")
    return tmp_path


def _ids(capsys, *arguments: str) -> set[str]:
    main(["check", "--output-format", "json", "model.py", *arguments])
    import json

    return {finding["msg_id"] for finding in json.loads(capsys.readouterr().out)["findings"]}


def test_select_replaces_extend_select_adds_ignore_removes(model, capsys):
    assert _ids(capsys) == {"E7203", "E7204", "I7212"}
    assert _ids(capsys, "--select", "E7204") == {"E7204"}
    assert _ids(capsys, "--select", "E7204", "--extend-select", "ms-unsupported-inplace") == {"E7203", "E7204"}
    assert _ids(capsys, "--ignore", "E7204") == {"E7203", "I7212"}
    assert _ids(capsys, "--select", "E72", "--ignore", "E7203") == {"E7204"}


def test_prefixes_name_families_and_symbol_groups():
    assert set(rules_matching("E72")) >= {"ms-tensor-size-call", "ms-unsupported-inplace"}
    assert not any(symbol.startswith("ms-graph-") for symbol in rules_matching("E72"))
    assert "ms-dropout-keep-prob" not in rules_matching("E72") and "ms-dropout-keep-prob" in rules_matching("72")
    warnings = rules_matching("W73")
    assert warnings and {find_code(symbol).msgid[:3] for symbol in warnings} == {"W73"}
    graph = rules_matching("ms-graph-")
    assert graph and all(symbol.startswith("ms-graph-") for symbol in graph)
    assert rules_matching("E99") == () and rules_matching("ms-nothing-") == ()


def test_the_command_line_overrides_the_tool_table(model, capsys):
    (model / "pyproject.toml").write_text('[tool.mslint]\nselect = ["E7203"]\ndisable = ["E7204"]\ntarget = "ascend"\n')
    assert _ids(capsys) == {"E7203"}
    assert _ids(capsys, "--select", "E7204") == {"E7204"}  # replaces the table's whole selection
    assert _ids(capsys, "--extend-select", "E7204") == {"E7203", "E7204"}  # wins over the table's disable
    (model / "pyproject.toml").write_text('[tool.mslint]\ndisable = ["ms-tensor-size-call"]\n')
    assert _ids(capsys, "--ignore", "I7212") == {"E7203"}  # adds to the table's


def test_auto_is_accepted_on_the_command_line_and_wins_over_the_table(model, capsys):
    ascend_only = "import mindspore as ms\nms.set_context(device_target='Ascend')\n"
    (model / "model.py").write_text(ascend_only, encoding="utf-8")
    (model / "pyproject.toml").write_text('[tool.mslint]\ntarget = "cpu"\njit-syntax-level = "strict"\nselect = ["ms-ascend-precision-mode-default"]\n')
    assert _ids(capsys) == set()  # target cpu from the table: an Ascend-only rule is silent
    assert _ids(capsys, "--target", "auto", "--jit-syntax-level", "auto") == {"I7414"}  # auto: the module's own target


@pytest.mark.parametrize(
    ("content", "named"),
    [
        (b'[tool]\nmslint = "E7204"\n', "[tool.mslint] must be a table"),
        (b"tool = [1, 2]\n", "[tool] must be a table"),
        (b'[tool.mslint]\nmindspore-version = "' + b"9" * 100_000 + b'"\n', "(100002 characters)"),
        (b"[tool.mslint]\nmindspore-version = " + b"9" * 100_000 + b"\n", "too many digits"),
        (b'[tool.mslint]\ntarget = "\xff\xfe"\n', "not UTF-8"),
        (b"x = " + b"[" * 100_000 + b"]" * 100_000 + b"\n", "pyproject.toml"),
        (b'[tool.mslint]\nselect = {a = 1}\n', "not a list of rule symbols"),
        (b'[tool.mslint]\ntarget = ["ascend"]\n', "is not one of"),
    ],
    ids=["string-table", "list-tool", "huge-version-string", "huge-version-number", "non-utf8", "deep-nesting", "table-select", "list-target"],
)
def test_bad_tool_tables_give_one_line_and_exit_2(tmp_path, content, named):
    (tmp_path / "pyproject.toml").write_bytes(content)
    (tmp_path / "m.py").write_text("x = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=None):
        read_tool_table(tmp_path / "pyproject.toml")
    result = subprocess.run([sys.executable, "-m", "mslint", "check", "m.py"], cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and named in result.stderr and len(result.stderr) < 400
