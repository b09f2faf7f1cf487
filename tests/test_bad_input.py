"""Files that cannot be checked get one clear message each, no traceback, and the others are still checked."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from helpers import CARDS

BAD_FILES = {
    "syntax.py": b"def f(:\n    pass\n",
    # Python 2, as the TensorFlow PoseNet the migration guide starts from
    "posenet_py2.py": b"import tensorflow as tf\nprint 'PoseNet'\nexec 'net = 1'\n",
    "latin1.py": b"# caf\xe9\nname = '\xff'\n",
    "nul.py": b"x = 1\x00\n",
    "empty.py": b"",
    "deep_brackets.py": b"x = " + b"[" * 1000 + b"]" * 1000 + b"\n",
    "deep_chain.py": b"x = " + b" + ".join([b"1"] * 1000) + b"\n",
    "deep_attributes.py": b"y = x" + b".a" * 3000 + b"\n",
    "deep_blocks.py": b"".join(b"    " * i + b"if x:\n" for i in range(1000)) + b"    " * 1000 + b"pass\n",
}
EXPECTED_SYMBOL = {
    "syntax.py": "syntax-error",
    "posenet_py2.py": "syntax-error",
    "latin1.py": "syntax-error",
    "nul.py": "syntax-error",
    "deep_brackets.py": "syntax-error",
    "deep_chain.py": "astroid-error",
    "deep_attributes.py": "astroid-error",
    "deep_blocks.py": "syntax-error",
}


@pytest.fixture
def project(tmp_path):
    for name, data in BAD_FILES.items():
        (tmp_path / name).write_bytes(data)
    shutil.copy(CARDS / "ms-tensor-size-call" / "bad.py", tmp_path / "model.py")
    return tmp_path


def _mslint(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mslint", *arguments], capture_output=True, text=True, timeout=300)


def test_each_bad_file_gets_one_message_and_the_good_file_is_checked(project):
    result = _mslint("check", str(project))
    assert "Traceback" not in result.stdout + result.stderr
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    for name, symbol in EXPECTED_SYMBOL.items():
        mine = [line for line in lines if line.startswith(str(project / name))]
        assert len(mine) == 1 and f"[{symbol}]" in mine[0], (name, mine)
    assert not [line for line in lines if "empty.py" in line]
    assert any("model.py:8:" in line and "[ms-tensor-size-call]" in line for line in lines)


def test_fix_leaves_bad_files_untouched_and_fixes_the_good_one(project):
    result = _mslint("fix", str(project))
    assert "Traceback" not in result.stdout + result.stderr
    for name, data in BAD_FILES.items():
        assert (project / name).read_bytes() == data, name
    assert "x.shape[0]" in (project / "model.py").read_text(encoding="utf-8")


def test_parallel_run_reports_the_same(project):
    serial = _mslint("check", "--format", "json", str(project))
    parallel = _mslint("check", "--format", "json", "-j", "2", str(project))
    assert "Traceback" not in parallel.stderr
    assert serial.stdout == parallel.stdout
