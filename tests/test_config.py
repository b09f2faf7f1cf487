"""[tool.mslint] and --mslint-* options."""

from __future__ import annotations

import pytest

from mslint.core.settings import ConfigError, read_tool_table

SIZE = "from mindspore import nn\nclass H(nn.Cell):\n    def construct(self, x):\n        return x.size(0)\n"


def test_tool_table_is_validated(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[tool.mslint]\nmindspore-version = "1.10"\ntarget = "ascend"\ndisable = ["ms-tensor-size-call"]\n')
    assert read_tool_table(pyproject) == {"mindspore-version": "1.10", "target": "ascend", "disable": ("ms-tensor-size-call",)}
    for bad, named in (('profile = "fast"', "profile"), ('disable = ["ms-nope"]', "ms-nope"), ('mindspore-version = "latest"', "latest"), ("x = 1", "'x'")):
        pyproject.write_text(f"[tool.mslint]\n{bad}\n")
        with pytest.raises(ConfigError, match=named):
            read_tool_table(pyproject)


def test_tool_table_applies_and_the_command_line_wins(lint_source, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[tool.mslint]\nmindspore-version = "1.10"\n')
    assert lint_source(SIZE) == []  # Tensor.size was a method before 2.0
    assert [f.symbol for f in lint_source(SIZE, mindspore_version="2.10")] == ["ms-tensor-size-call"]
    (tmp_path / "pyproject.toml").write_text('[tool.mslint]\ndisable = ["E7204"]\n')
    assert lint_source(SIZE) == []


def test_default_version_is_read_from_metadata_without_import():
    import subprocess
    import sys

    code = "import sys; from mslint.core import settings; print(settings.installed_mindspore_version(), 'mindspore' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    version, imported = result.stdout.split()
    assert version.split(".")[0].isdigit() and imported == "False"


def test_a_version_must_be_a_string_naming_a_known_release(tmp_path):
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.mslint]\nmindspore-version = 2.10\n")
    with pytest.raises(ConfigError, match=r"mindspore-version: 2\.1 is a number, not a version \(2\.10 as a number is 2\.1\): write it as a string"):
        read_tool_table(pyproject)
    pyproject.write_text('[tool.mslint]\nmindspore-version = "3.5"\n')
    with pytest.raises(ConfigError, match=r"'3\.5' is not a MindSpore release \(known: 0\.1-0\.7, 1\.0-1\.10, 2\.0-2\.10\)"):
        read_tool_table(pyproject)
    for known in ("2.10", "2.10.0", "1.8.1", "2.3.0rc1", "0.7"):
        pyproject.write_text(f'[tool.mslint]\nmindspore-version = "{known}"\n')
        assert read_tool_table(pyproject)["mindspore-version"] == known
