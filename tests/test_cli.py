"""The mslint command: exit codes, formats, and fixes that never corrupt a file."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys

import pytest

from mslint.cli import main

BAD = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def construct(self, x):\n        return x.size(0), nn.ReLU(inplace=True)(x)\n"
FIXED = "from mindspore import nn\n\nclass Head(nn.Cell):\n    def construct(self, x):\n        return x.shape[0], nn.ReLU()(x)\n"


@pytest.fixture
def bad_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "head.py"
    path.write_text(BAD, encoding="utf-8")
    return path


def test_exit_codes(bad_file, tmp_path, capsys):
    assert main(["check", str(bad_file)]) == 1
    clean = tmp_path / "clean.py"
    clean.write_text(FIXED, encoding="utf-8")
    assert main(["check", str(clean)]) == 0
    assert main(["check", str(tmp_path / "missing.py")]) == 2
    assert main(["explain", "ms-no-such-rule"]) == 2
    with pytest.raises(SystemExit) as usage:
        main(["check"])
    assert usage.value.code == 2


def test_text_and_json_output(bad_file, capsys):
    main(["check", str(bad_file)])
    text = capsys.readouterr().out
    assert "head.py:5:17: E7204 [ms-tensor-size-call]" in text and "[*]" in text
    main(["check", "--format", "json", str(bad_file)])
    document = json.loads(capsys.readouterr().out)
    (size, inplace) = document["findings"]
    assert (size["symbol"], size["line"], size["column"], size["end_column"]) == ("ms-tensor-size-call", 5, 17, 22)
    assert size["fix"]["applicability"] == "safe" and size["fix"]["edits"][0]["content"] == "shape[0]"
    assert inplace["symbol"] == "ms-unsupported-inplace"


def test_fix_applies_safe_fixes_atomically_and_twice_is_a_no_op(bad_file):
    bad_file.chmod(0o640)
    assert main(["fix", str(bad_file)]) == 0
    assert bad_file.read_text(encoding="utf-8") == FIXED
    assert stat.S_IMODE(bad_file.stat().st_mode) == 0o640
    assert not [p for p in bad_file.parent.iterdir() if p.name.endswith(".mslint")]
    assert main(["fix", str(bad_file)]) == 0
    assert bad_file.read_text(encoding="utf-8") == FIXED


def test_diff_writes_nothing(bad_file, capsys):
    assert main(["fix", "--diff", str(bad_file)]) == 1
    assert "-        return x.size(0), nn.ReLU(inplace=True)" in capsys.readouterr().out
    assert bad_file.read_text(encoding="utf-8") == BAD


@pytest.mark.parametrize(
    "encoded",
    [
        BAD.replace("\n", "\r\n").encode(),
        b"\xef\xbb\xbf" + BAD.encode(),
        ("# -*- coding: latin-1 -*-\n# caf\u00e9\n" + BAD).encode("latin-1"),
        BAD.replace("\n", "\r").encode(),
    ],
    ids=["crlf", "bom", "latin-1", "cr"],
)
def test_fix_keeps_encoding_bom_and_newlines(tmp_path, encoded):
    path = tmp_path / "head.py"
    path.write_bytes(encoded)
    main(["fix", str(path)])
    original_fixed = encoded.replace(b"x.size(0)", b"x.shape[0]").replace(b"nn.ReLU(inplace=True)", b"nn.ReLU()")
    assert path.read_bytes() == original_fixed


def test_overlapping_fixes_converge_over_passes(tmp_path):
    path = tmp_path / "nested.py"
    path.write_text("from mindspore import nn\n\nclass H(nn.Cell):\n    def construct(self, x):\n        return x.size(x.size(0))\n", encoding="utf-8")
    main(["fix", str(path)])
    assert "return x.shape[x.shape[0]]" in path.read_text(encoding="utf-8")


def test_configuration_errors_exit_2_naming_the_key(tmp_path, capsys):
    (tmp_path / "pyproject.toml").write_text('[tool.mslint]\ntraget = "ascend"\n', encoding="utf-8")
    (tmp_path / "m.py").write_text("x = 1\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mslint", "check", "m.py"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2 and "traget" in result.stderr and "Traceback" not in result.stderr
    (tmp_path / "pyproject.toml").write_text('[tool.mslint]\ntarget = "tpu"\n', encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mslint", "check", "m.py"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 2 and "target" in result.stderr and "'tpu'" in result.stderr


def test_pylint_plugin_reports_next_to_pylint_and_honours_pragmas(bad_file):
    bad_file.write_text(BAD.replace("nn.ReLU(inplace=True)", "nn.ReLU(inplace=True)  # pylint: disable=ms-unsupported-inplace"), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=mslint", str(bad_file)], capture_output=True, text=True, env={**os.environ}
    )
    assert "ms-tensor-size-call" in result.stdout and "missing-module-docstring" in result.stdout
    assert "ms-unsupported-inplace" not in result.stdout
    only = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=mslint", "--disable=all", "--enable=mslint", str(bad_file)],
        capture_output=True,
        text=True,
    )
    assert "ms-tensor-size-call" in only.stdout and "missing-module-docstring" not in only.stdout


def test_rules_and_explain(capsys):
    assert main(["rules", "--format", "json"]) == 0
    rules = json.loads(capsys.readouterr().out)
    assert {"ms-forward-not-construct", "ms-tensor-size-call"} <= {rule["symbol"] for rule in rules}
    assert main(["explain", "E7204"]) == 0
    page = capsys.readouterr().out
    assert "What it does\n------------" in page and "Why is this bad?\n" in page and "Fix safety\n" in page
    assert "```" not in page and "<!--" not in page and "##" not in page
    assert main(["explain", "--format", "markdown", "E7204"]) == 0
    page = capsys.readouterr().out
    assert page.startswith("# ms-tensor-size-call (E7204)") and "## What it does" in page and "```python" in page
    assert main(["rules"]) == 0
    listing = capsys.readouterr().out
    assert "|" not in listing and any(line.startswith("E7204  ms-tensor-size-call ") for line in listing.splitlines())
    assert main(["rules", "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("| id | symbol |")
