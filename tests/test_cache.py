"""The content cache of ``mslint check``/``fix`` (mslint.run.cache): what a re-run reuses, what it checks again."""

from __future__ import annotations

import json

import pytest

import mslint.run
from mslint.cli import main
from mslint.run import LintSettings, lint
from mslint.run.cache import CACHE_FOLDER, PATCHES_FILE

BASE_CELL = "from mindspore import nn\n\n\nclass Base(nn.Cell):\n    pass\n"
BASE_PLAIN = "class Base:\n    pass\n"
MODEL = "from base import Base\n\n\nclass Net(Base):\n    def forward(self, x):\n        return x\n"
SIZE = "from mindspore import nn\n\n\nclass Head(nn.Cell):\n    def construct(self, x):\n        return x.size(0)\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A project folder (the working folder) and the files each lint run hands to pylint."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'demo'\n", encoding="utf-8")
    (tmp_path / "base.py").write_text(BASE_CELL, encoding="utf-8")
    (tmp_path / "model.py").write_text(MODEL, encoding="utf-8")
    (tmp_path / "other.py").write_text("import os\n", encoding="utf-8")
    checked: list[list[str]] = []
    pylint_findings = mslint.run._pylint_findings

    def recording(files, settings, jobs, record_imports, progress=None):
        checked.append(sorted(path.rsplit("/", 1)[-1] for path in files))
        return pylint_findings(files, settings, jobs, record_imports, progress)

    monkeypatch.setattr(mslint.run, "_pylint_findings", recording)
    return tmp_path, checked


def findings_files(root):
    """The cache's files of findings (one per key), not the patch scans."""
    return [path for path in (root / CACHE_FOLDER).glob("*.json") if path.name != PATCHES_FILE]


def findings_by_path(findings) -> list[tuple[str, str]]:
    return [(finding.path, finding.symbol) for finding in findings]


def test_an_unchanged_tree_is_answered_from_the_cache(project):
    root, checked = project
    first = lint(["."], cache=True)
    assert findings_by_path(first) == [("model.py", "ms-forward-not-construct")]
    assert lint(["."], cache=True) == first
    assert checked == [["base.py", "model.py", "other.py"]]
    assert (root / CACHE_FOLDER / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"


@pytest.mark.parametrize("jobs", [1, 2])
def test_editing_a_base_class_in_another_module_checks_its_subclass_again(project, jobs, capsys):
    root, checked = project
    settings = LintSettings(jobs=jobs)
    with capsys.disabled():  # pylint -j pickles the linter, which cannot hold pytest's captured stdout
        assert findings_by_path(lint(["."], settings, cache=True)) == [("model.py", "ms-forward-not-construct")]
        (root / "base.py").write_text(BASE_PLAIN, encoding="utf-8")
        assert lint(["."], settings, cache=True) == []  # Net is no longer a Cell
        assert checked[1] == ["base.py", "model.py"]  # other.py does not depend on base.py
        (root / "base.py").write_text(BASE_CELL, encoding="utf-8")
        assert findings_by_path(lint(["."], settings, cache=True)) == [("model.py", "ms-forward-not-construct")]


def test_editing_one_file_checks_only_the_files_that_depend_on_it(project):
    root, checked = project
    lint(["."], cache=True)
    (root / "other.py").write_text("import sys\n", encoding="utf-8")
    (root / "model.py").touch()  # a new time, the same content
    lint(["."], cache=True)
    assert checked[1] == ["other.py"]


def test_other_settings_do_not_reuse_the_findings(project):
    _, checked = project
    lint(["."], cache=True)
    assert lint(["."], LintSettings(ignore=("ms-forward-not-construct",)), cache=True) == []
    assert len(checked) == 2


@pytest.mark.parametrize("content", [b"\x00\xffnot json", b'{"format": 1, "key": "another", "entries": {}}', b"[1, 2]"])
def test_a_corrupt_or_foreign_cache_is_ignored_and_replaced(project, content):
    root, checked = project
    expected = lint(["."], cache=True)
    (cache_file,) = findings_files(root)
    cache_file.write_bytes(content)
    assert lint(["."], cache=True) == expected
    assert len(checked) == 2
    assert json.loads(cache_file.read_bytes())["format"] == 1
    assert lint(["."], cache=True) == expected and len(checked) == 2


def test_a_damaged_entry_is_checked_again(project):
    root, checked = project
    expected = lint(["."], cache=True)
    (cache_file,) = findings_files(root)
    data = json.loads(cache_file.read_bytes())
    data["entries"][str(root / "model.py")]["findings"] = [{"line": "?"}]
    cache_file.write_text(json.dumps(data), encoding="utf-8")
    assert lint(["."], cache=True) == expected
    assert checked[1] == ["model.py"]


def test_without_the_cache_nothing_is_read_or_written(project):
    root, checked = project
    assert main(["check", "--no-cache", "."]) == 1
    assert not (root / CACHE_FOLDER).exists()
    assert main(["check", "."]) == 1 and main(["check", "."]) == 1
    assert len(checked) == 2 and (root / CACHE_FOLDER).is_dir()


def test_fix_never_applies_cached_edits_to_changed_content(project, capsys):
    root, _ = project
    path = root / "head.py"
    path.write_text(SIZE, encoding="utf-8")
    assert main(["check", "head.py"]) == 1  # the fix's offsets are now cached
    path.write_text("# a comment that moves every offset\n" + SIZE, encoding="utf-8")
    main(["fix", "head.py"])
    assert path.read_text(encoding="utf-8") == "# a comment that moves every offset\n" + SIZE.replace("x.size(0)", "x.shape[0]")
    capsys.readouterr()
    assert main(["check", "head.py"]) == 0


def test_two_runs_writing_at_once_keep_a_valid_cache_with_both_entries(tmp_path):
    from mslint.run.cache import LintCache

    first, second = LintCache(tmp_path, {"k": 1}), LintCache(tmp_path, {"k": 1})
    first.store("/a.py", "hash-a", [], [])
    second.store("/b.py", "hash-b", [], [])
    first.save()
    second.save()  # merged over what the first one wrote, then replaced in one step
    assert set(LintCache(tmp_path, {"k": 1}).entries) == {"/a.py", "/b.py"}
    assert [path.name for path in (tmp_path / CACHE_FOLDER).iterdir() if path.name.endswith(".tmp")] == []
