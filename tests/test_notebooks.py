"""Jupyter notebooks: code cells linted as one module with positions in cells (as Ruff reports them), fixes written
back into the cells with every other byte of the file kept, a message per bad notebook, the cache, -j, readiness."""

from __future__ import annotations

import ast
import json
from collections import defaultdict
from functools import cache
from pathlib import Path

import pytest
from helpers import CARDS, card_findings, card_options, card_settings
from sarif_validation import assert_valid_sarif

import mslint.run
from mslint.cli import main
from mslint.core.edits import Applicability
from mslint.core.notebooks import NotebookDocument, NotebookError, NotebookSource, neutralised
from mslint.outputs.docs import strip_markers
from mslint.rules.catalog import Rule, all_rules
from mslint.run import LintSettings, lint

RULES = all_rules()
FIXABLE = [rule for rule in RULES if (CARDS / rule.symbol / "fixed.py").is_file()]
IMPORTS = ["%matplotlib inline\n", "!pip install mindspore\n", "import mindspore as ms\n", "from mindspore import nn"]
HEAD = ["class Head(nn.Cell):\n", "    def construct(self, x):\n", "        return x.size(0), nn.ReLU(inplace=True)(x)\n"]


def notebook(*sources: list[str] | str, outputs: list | None = None) -> dict:
    """A notebook: a markdown cell, then code cells with these sources (lists of lines, or strings)."""
    cells = [{"cell_type": "markdown", "metadata": {}, "source": ["# A port\n"]}]
    cells += [{"cell_type": "code", "execution_count": 1, "metadata": {}, "outputs": outputs or [], "source": source} for source in sources]
    return {"cells": cells, "metadata": {"kernelspec": {"language": "python", "name": "python3"}}, "nbformat": 4, "nbformat_minor": 5}


def write(path: Path, data: dict, **dumps) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, **({"indent": 1, "ensure_ascii": False} | dumps)) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    return tmp_path


# --- the joined module ----------------------------------------------------------------------------


def test_ipython_syntax_is_neutralised_line_by_line():
    cell = (
        "x = !ls\n"              # 0 assignment of a shell command
        "%time y = f()\n"        # 1 line magic
        "obj?\n"                 # 2 help
        "pip install numpy\n"    # 3 automagic (not Python)
        "if x:\n"
        "    !echo a \\\n"       # 5 shell escape continued on the next line
        "        b\n"            # 6
        "s = '''\n"
        "%not a magic\n"         # 8 inside a string: kept
        "'''\n"
        "ls = 1\n"               # an automagic name used as Python: kept
        "config = dict(\n"       # the same, on a line that does not parse alone
        "    a=1)\n"
        "ls /data/models-6b\n"   # 13 automagic with a path (not Python)
        "ls / 2\n"               # Python (a division): kept
    )
    lines, masked = neutralised(cell)
    assert sorted(masked) == [0, 1, 2, 3, 5, 6, 13]
    assert lines[0] == "x = get_ipython()\n" and lines[1] == "pass\n" and lines[5] == "    pass\n" and lines[6] == "\n"
    assert lines[8] == "%not a magic\n" and lines[10:13] == ["ls = 1\n", "config = dict(\n", "    a=1)\n"]
    assert lines[14] == "ls / 2\n"
    assert ast.parse("".join(lines))

    bash, masked = neutralised("%%bash\necho $HOME\n")
    assert bash == ["\n", "\n"] and masked == {0, 1}
    timed, masked = neutralised("%%time\nz = 1\n")
    assert timed == ["\n", "z = 1\n"] and masked == {0}


def test_cells_join_in_order_and_positions_map_back():
    source = NotebookSource.read(json.dumps(notebook(IMPORTS, HEAD, "y = 2")).encode())
    assert [cell.number for cell in source.cells] == [2, 3, 4]  # the markdown cell counts, as Jupyter and Ruff count
    assert source.text.splitlines()[2:4] == ["import mindspore as ms", "from mindspore import nn"]
    assert source.text.endswith("y = 2\n")
    line = source.text.splitlines().index("        return x.size(0), nn.ReLU(inplace=True)(x)") + 1
    position = source.position(line, 17)
    assert (position.cell, position.line, position.column) == (3, 3, 17)


# --- check: positions in every output -------------------------------------------------------------


def test_findings_are_at_cell_and_line_in_text_json_and_github(folder, capsys):
    path = write(folder / "port.ipynb", notebook(IMPORTS, HEAD))
    assert main(["check", "port.ipynb", "--no-cache"]) == 1
    text = capsys.readouterr().out
    assert "port.ipynb:cell 3:3:17: E7204 [ms-tensor-size-call]" in text
    assert "port.ipynb:cell 3:3:35: E7203 [ms-unsupported-inplace]" in text

    main(["check", "port.ipynb", "--no-cache", "--format", "json"])
    (size,) = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["msg_id"] == "E7204"]
    assert (size["cell"], size["line"], size["column"], size["end_line"], size["end_column"]) == (3, 3, 17, 3, 22)
    (edit,) = size["fix"]["edits"]
    assert edit["start_position"] == {"cell": 3, "line": 3, "column": 18}

    main(["check", "port.ipynb", "--no-cache", "--format", "github"])
    annotation = next(line for line in capsys.readouterr().out.splitlines() if "E7204" in line)
    file_line = path.read_text(encoding="utf-8").splitlines().index('    "        return x.size(0), nn.ReLU(inplace=True)(x)\\n"') + 1
    assert f"line={file_line},col=22," in annotation and "port.ipynb:cell 3:3:17" in annotation


def test_sarif_regions_are_where_the_code_is_written_and_fixes_replace_cell_sources(folder):
    path = write(folder / "port.ipynb", notebook(IMPORTS, "".join(HEAD)))  # the second code cell's source: a string
    assert main(["check", "port.ipynb", "--no-cache", "--format", "sarif", "--output", "out.sarif"]) == 1
    log = assert_valid_sarif(folder / "out.sarif")
    (result,) = [r for r in log["runs"][0]["results"] if r["ruleId"] == "E7204"]
    region = result["locations"][0]["physicalLocation"]["region"]
    file_line = path.read_text(encoding="utf-8").splitlines()[region["startLine"] - 1]
    assert region["startLine"] == region["endLine"] and file_line[region["startColumn"] - 1 : region["endColumn"] - 1] == ".size"
    assert result["properties"] == {"cell": 3, "cellLine": 3, "cellColumn": 17}

    (replacement,) = result["fixes"][0]["artifactChanges"][0]["replacements"]
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    deleted = replacement["deletedRegion"]
    start = sum(map(len, lines[: deleted["startLine"] - 1])) + deleted["startColumn"] - 1
    end = sum(map(len, lines[: deleted["endLine"] - 1])) + deleted["endColumn"] - 1
    text = path.read_text(encoding="utf-8")
    fixed = json.loads(text[:start] + replacement["insertedContent"]["text"] + text[end:])
    assert fixed["cells"][2]["source"] == "".join(HEAD).replace("x.size(0)", "x.shape[0]")


def test_a_cell_that_does_not_parse_is_reported_and_the_other_cells_are_checked(folder, capsys):
    write(folder / "port.ipynb", notebook(IMPORTS, ["def f(:\n", "    pass"], HEAD))
    assert main(["check", "port.ipynb", "--no-cache"]) == 1
    out = capsys.readouterr().out
    assert "port.ipynb:cell 3:1:7: E0001 [syntax-error]" in out and "port.ipynb:cell 4:3:17: E7204" in out


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"cells": [}', "not valid JSON (line 1, column 12"),
        ('{"worksheets": [], "nbformat": 3}', "nbformat 3 notebook"),
        ('{"cells": [{"cell_type": "code", "source": 3}], "nbformat": 4}', "cell 1's 'source' is not a string or a list"),
        ("[1, 2]", "no 'cells' list"),
        ('\udcff', "not UTF-8"),
    ],
)
def test_a_bad_notebook_gets_one_message_and_other_files_are_checked(folder, capsys, content, message):
    (folder / "bad.ipynb").write_bytes(content.encode("utf-8", "surrogateescape"))
    write(folder / "good.ipynb", notebook(IMPORTS, HEAD))
    assert main(["check", "."]) == 1
    out = capsys.readouterr().out
    assert f"bad.ipynb:1:1: F0001 [fatal] bad.ipynb: not checked: " in out and message in out
    assert "good.ipynb:cell 3:3:17: E7204" in out
    assert main(["fix", "."]) == 1  # the bad one is left alone, the good one fixed
    assert (folder / "bad.ipynb").read_bytes() == content.encode("utf-8", "surrogateescape")
    assert "x.shape[0]" in (folder / "good.ipynb").read_text(encoding="utf-8")


def test_a_notebook_of_another_language_has_no_python_to_check(folder):
    data = notebook(["x.size(0)"])
    data["metadata"] = {"kernelspec": {"language": "R", "name": "ir"}, "language_info": {"name": "R"}}
    write(folder / "r.ipynb", data)
    assert [f for f in lint(["r.ipynb"]) if f.symbol != "ms-torch-not-imported"] == []


# --- fix: written back into the cells, every other byte kept ----------------------------------------

FORMATS = {
    "nbformat (indent 1)": {},
    "indent 2, ASCII escapes": {"indent": 2, "ensure_ascii": True},
    "compact": {"indent": None},
    "source as a string": {"string": True},
}


def pieces(raw: bytes) -> tuple[list[str], list[str]]:
    """A notebook's JSON text cut at its code cells' ``source`` values: the text around them, and the values."""
    document = NotebookDocument.parse(raw)
    spans = [cell.value for cell in document.cells]
    ends, starts = [0, *(end for _, end in spans)], [*(start for start, _ in spans), len(document.text)]
    return [document.text[end:start] for end, start in zip(ends, starts)], [document.text[start:end] for start, end in spans]


def assert_only_sources_changed(before: bytes, after: bytes, changed: set[int]) -> None:
    """Every byte outside the code cells' sources is kept (BOM included), and the sources of the other cells."""
    (around, values), (new_around, new_values) = pieces(before), pieces(after)
    assert new_around == around and before.startswith(b"\xef\xbb\xbf") == after.startswith(b"\xef\xbb\xbf")
    assert {index for index, (old, new) in enumerate(zip(values, new_values)) if old != new} == changed


@pytest.mark.parametrize("style", FORMATS)
def test_fix_writes_into_the_cell_and_keeps_every_byte_outside_it(folder, capsys, style):
    dumps = {key: value for key, value in FORMATS[style].items() if key != "string"}
    head = "".join(HEAD) if FORMATS[style].get("string") else HEAD
    image = {"output_type": "display_data", "data": {"image/png": "iVBORw0KGgo=", "text/plain": ["<Figure>"]}, "metadata": {}}
    path = write(folder / "port.ipynb", notebook(IMPORTS, ["# café ☕\n", "x = 1"], head, outputs=[image]), **dumps)
    before = path.read_bytes()
    assert main(["fix", "port.ipynb", "--diff"]) == 1
    diff = capsys.readouterr().out
    assert diff.startswith("--- a/port.ipynb:cell 4\n+++ b/port.ipynb:cell 4\n") and "+        return x.shape[0], nn.ReLU()(x)\n" in diff
    assert path.read_bytes() == before

    assert main(["fix", "port.ipynb"]) == 0
    assert_only_sources_changed(before, path.read_bytes(), {2})
    fixed = json.loads(path.read_text(encoding="utf-8"))
    assert "".join(fixed["cells"][3]["source"]) == "".join(HEAD).replace("x.size(0)", "x.shape[0]").replace("inplace=True", "")
    assert isinstance(fixed["cells"][3]["source"], str) == bool(FORMATS[style].get("string"))
    assert main(["check", "port.ipynb", "--no-cache"]) == 0


def test_crlf_bom_and_a_missing_final_newline_are_kept(folder):
    text = json.dumps(notebook(IMPORTS, HEAD), indent=1).replace("\n", "\r\n")
    path = folder / "port.ipynb"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    before = path.read_bytes()
    assert main(["fix", "port.ipynb"]) == 0
    after = path.read_bytes()
    assert_only_sources_changed(before, after, {1})
    assert after.startswith(b"\xef\xbb\xbf") and not after.endswith(b"\n") and b"\n" not in after.replace(b"\r\n", b"")
    assert b'"        return x.shape[0], nn.ReLU()(x)\\n"\r\n' in after


def test_an_import_a_fix_needs_joins_the_first_cells_imports(folder):
    data = notebook(["%matplotlib inline\n", "import torch\n", "from mindspore import nn"], ["y = torch.cat([x, x], dim=1)"])
    path = write(folder / "port.ipynb", data)
    assert main(["fix", "port.ipynb"]) == 0
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    assert cells[1]["source"] == ["%matplotlib inline\n", "import torch\n", "from mindspore import nn\n", "from mindspore import mint"]
    assert cells[2]["source"] == ["y = mint.cat([x, x], dim=1)"]


def test_no_fix_touches_a_magic_line_or_crosses_cells():
    source = NotebookSource.read(json.dumps(notebook(["%time x = 1\n", "y = 2"], ["z = 3"])).encode())
    from mslint.core.edits import Edit, Fix

    on_magic = Fix("magic", (Edit(0, 4, "pass"),))
    across = Fix("across", (Edit(source.text.index("y = 2"), source.text.index("z = 3") + 1, ""),))
    assert source.cell_edits(on_magic.edits) is None and source.cell_edits(across.edits) is None
    assert source.fixed([on_magic, across]) is None


# --- cards: the bad examples cut into cells ------------------------------------------------------------


def cells_of(text: str) -> list[tuple[int, str]]:
    """A card cut into cells at its top-level statements: (first line, source) of each, the last line of a cell
    without its line break (as Jupyter saves it) unless it is blank."""
    lines = text.splitlines(keepends=True)
    starts = sorted({1, *((getattr(node, "decorator_list", None) or [node])[0].lineno for node in ast.parse(text).body)})
    bounds = [*starts, len(lines) + 1]
    cells = ["".join(lines[first - 1 : end - 1]) for first, end in zip(bounds, bounds[1:])]
    return [(first, cell[:-1] if cell.endswith("\n") and not cell.endswith("\n\n") else cell) for first, cell in zip(starts, cells)]


def card_notebook(folder: Path, rule: Rule, name: str = "bad.py") -> Path:
    text = (CARDS / rule.symbol / name).read_text(encoding="utf-8")
    sources = [source.splitlines(keepends=True) for _, source in cells_of(text)]
    return write(folder / rule.symbol / "card.ipynb", notebook(*sources))


@cache
def _notebook_findings(settings: LintSettings, folder: Path) -> dict[str, list]:
    """Every card sharing these settings as a notebook, linted in one run: findings by rule symbol."""
    for rule in RULES:
        if card_settings(rule) == settings:
            card_notebook(folder, rule)
    found = defaultdict(list)
    for finding in lint([str(folder)], settings):
        if finding.is_mslint:
            found[Path(finding.abspath).parent.name].append(finding)
    return found


@pytest.fixture(scope="session")
def cards_folder(tmp_path_factory):
    return tmp_path_factory.mktemp("card-notebooks")


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.symbol)
def test_a_bad_card_in_cells_gives_its_findings_at_cell_relative_positions(rule, cards_folder):
    settings = card_settings(rule)
    cells = cells_of((CARDS / rule.symbol / "bad.py").read_text(encoding="utf-8"))

    def in_cell(line: int, column: int) -> tuple[int, int, int]:
        index = max(i for i, (first, _) in enumerate(cells) if first <= line)
        return index + 2, line - cells[index][0] + 1, column  # the markdown cell is cell 1

    expected = sorted((in_cell(f.line, f.column), in_cell(f.end_line, f.end_column), f.symbol) for f in card_findings(rule, "bad.py"))
    folder = cards_folder / "-".join(f"{key}={value}" for key, value in sorted(card_options(rule).items()))
    found = _notebook_findings(settings, folder)[rule.symbol]
    actual = sorted(((s.cell, s.line, s.column), (e.cell, e.line, e.column), f.symbol) for f in found for s, e in [f.cell_range])
    assert actual == expected


@pytest.fixture(scope="session")
def fixed_card(tmp_path_factory):
    """``mslint fix`` on the bad card, cut into cells, of every fixable rule sharing a rule's options and fix safety,
    in one run: (before, after) of the rule's notebook."""
    outcomes: dict[str, tuple[bytes, bytes]] = {}

    def outcome(rule: Rule) -> tuple[bytes, bytes]:
        if rule.symbol not in outcomes:
            unsafe = rule.fix is Applicability.UNSAFE
            group = [other for other in FIXABLE if card_options(other) == card_options(rule) and (other.fix is Applicability.UNSAFE) == unsafe]
            folder = tmp_path_factory.mktemp("fix-notebooks")
            before = {other.symbol: card_notebook(folder, other).read_bytes() for other in group}
            arguments = [f"--{key.replace('_', '-')}={value}" for key, value in card_options(rule).items()]
            main(["fix", str(folder), "--no-cache", *arguments] + ["--unsafe-fixes"] * unsafe)
            outcomes.update({symbol: (raw, (folder / symbol / "card.ipynb").read_bytes()) for symbol, raw in before.items()})
        return outcomes[rule.symbol]

    return outcome


@pytest.mark.parametrize("rule", FIXABLE, ids=lambda rule: rule.symbol)
def test_a_fixed_card_in_cells_is_the_fixed_file_and_other_bytes_are_kept(rule, fixed_card):
    before, after = fixed_card(rule)
    assert strip_markers(NotebookSource.read(after).text) == (CARDS / rule.symbol / "fixed.py").read_text(encoding="utf-8")
    old_cells, new_cells = NotebookSource.read(before).cells, NotebookSource.read(after).cells
    assert_only_sources_changed(before, after, {index for index, (old, new) in enumerate(zip(old_cells, new_cells)) if old.text != new.text})


# --- the cache, -j and readiness --------------------------------------------------------------------


def test_the_cache_answers_for_an_unchanged_notebook_and_not_after_a_module_it_imports_changed(folder, monkeypatch):
    (folder / "pyproject.toml").write_text("", encoding="utf-8")
    (folder / "helpers.py").write_text("from mindspore import nn\n\n\nclass Base(nn.Cell):\n    pass\n", encoding="utf-8")
    write(folder / "port.ipynb", notebook(["from helpers import Base"], ["class Head(Base):\n", "    def forward(self, x):\n", "        return x"]))
    first = [f.place for f in lint(["port.ipynb"], cache=True)]
    assert first == ["cell 3:2:9"]

    def no_pylint(*args, **kwargs):
        raise AssertionError("the cache should have answered")

    with monkeypatch.context() as patched:
        patched.setattr(mslint.run, "_pylint_findings", no_pylint)
        assert [f.place for f in lint(["port.ipynb"], cache=True)] == first
    (folder / "helpers.py").write_text("class Base:\n    pass\n", encoding="utf-8")
    assert lint(["port.ipynb"], cache=True) == []


def test_jobs_give_the_same_findings(folder):
    for index in range(4):
        write(folder / f"n{index}.ipynb", notebook(IMPORTS, HEAD))
    one = lint(["."], LintSettings(jobs=1))
    assert len(one) == 8 and lint(["."], LintSettings(jobs=2)) == one


def test_readiness_counts_notebook_code_at_cells(folder, capsys):
    write(folder / "torch.ipynb", notebook(["import torch\n", "from torch import nn"], ["layer = nn.Linear(2, 3)\n", "y = torch.cat([x, x])"]))
    assert main(["readiness", "torch.ipynb", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["summary"]["files_using_torch"] == 1 and report["summary"]["uses"] == 2
    assert {(use["cell"], use["line"], use["column"], use["api"]) for use in report["uses"]} == {
        (3, 1, 9, "torch.nn.Linear"), (3, 2, 5, "torch.cat")}
    assert main(["readiness", "torch.ipynb", "--fix-preview"]) == 1
    assert "--- a/torch.ipynb:cell 3" in capsys.readouterr().out
