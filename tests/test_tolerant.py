"""Files that do not parse: the syntax error is reported and the rest of the file is checked, in `mslint check`,
`mslint fix` and the language server alike; no fix is applied to such a file."""

from __future__ import annotations

import ast
import io
import json
import random
import shutil
import textwrap
import tokenize
from collections import defaultdict
from pathlib import Path

import pytest
from helpers import CARDS, card_settings, settings

from mslint.cli import main
from mslint.outputs.docs import markers
from mslint.rules.catalog import all_rules
from mslint.run import LintSettings, lint
from mslint.run.repair import MAX_ATTEMPTS, repaired

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "tolerant"


@pytest.mark.parametrize(
    ("source", "expected", "left_out"),
    [
        # a stray token: the statement becomes `pass`, every other line stays
        ("class A:\n    def f(self):\n        y = 1 x\n        return y\n", "class A:\n    def f(self):\n        pass\n        return y\n", (3,)),
        # a bracket never closed: the statement ends where the indentation says
        ("def f():\n    x = g(1,\n    return x\n", "def f():\n    pass\n    return x\n", (2,)),
        # a broken block header: its block is still checked
        ("class A:\n    def f(self) x:\n        return 1\n", "class A:\n    if True:\n        return 1\n", (2,)),
        ("try:\n    pass\nexcept IOError, e:\n    pass\n", "try:\n    pass\nexcept Exception:\n    pass\n", (3,)),
        # Python 2 statements, all at once
        ("print 'a'\ndef f():\n    print 'x', 1\n    return 2\n", "pass\ndef f():\n    pass\n    return 2\n", (1, 3)),
        # indentation errors
        ("def f():\n    x = 1\n        y = 2\n    return x\n", "def f():\n    x = 1\n\n    return x\n", (3,)),
        ("def f():  # no body\nx = 1\n", "def f(): pass  # no body\nx = 1\n", ()),
        ("def f():\n\tif x:\n\t\treturn 1\n        return 2\n", "def f():\n        if x:\n                return 1\n        return 2\n", ()),
        # a NUL byte becomes a space; CRLF line ends are kept
        ("x = 1\x00\n", "x = 1 \n", ()),
        ("a = 1\r\nb = 2 2\r\nc = 3\r\n", "a = 1\r\npass\r\nc = 3\r\n", (2,)),
    ],
)
def test_repair_neutralises_the_offending_statement_only(source, expected, left_out):
    repair = repaired(source)
    assert repair is not None
    assert repair.text == expected
    assert repair.left_out == left_out


def test_a_source_that_cannot_be_repaired_is_left_to_the_syntax_error():
    assert repaired("x = 1\n") is None  # it parses
    assert repaired("x = 1 1\n" * (MAX_ATTEMPTS + 2)) is None  # more broken statements than repair attempts


def _lint_with_markers(path: Path, **options: str) -> tuple[set[tuple[int, str]], set[tuple[int, str]]]:
    found = {(finding.line, finding.symbol) for finding in lint([str(path)], settings(**options))}
    return found, markers(path.read_text(encoding="utf-8"))


def test_the_stray_token_file_gets_its_findings_and_its_syntax_error():
    found, expected = _lint_with_markers(FIXTURES / "stray_token.py", profile="migration", mindspore_version="2.10")
    assert found == expected | {(37, "syntax-error")}


def test_a_python2_file_gets_its_porting_findings():
    found, expected = _lint_with_markers(FIXTURES / "posenet_train_py2.py", mindspore_version="2.10")
    assert found == expected | {(47, "syntax-error")}
    message = next(f.message for f in lint([str(FIXTURES / "posenet_train_py2.py")]) if f.symbol == "syntax-error")
    assert message.startswith("Python 2 source (print statement, line 47), which Python 3 cannot parse: port it to Python 3.")
    assert "without lines 47, 50-51" in message


def test_no_fix_is_offered_or_applied_for_a_file_that_does_not_parse(tmp_path, capsys):
    target = tmp_path / "stray_token.py"
    shutil.copy(FIXTURES / "stray_token.py", target)
    before = target.read_bytes()
    assert all(finding.fix is None for finding in lint([str(target)]))
    main(["fix", str(target), "--unsafe-fixes", "--no-cache"])
    assert target.read_bytes() == before
    assert "Fixed 0 findings" in capsys.readouterr().out
    main(["check", str(target), "--output-format", "json", "--no-cache"])
    assert all(item["fix"] is None for item in json.loads(capsys.readouterr().out)["findings"])


def test_the_language_server_checks_a_broken_buffer_as_mslint_check_does():
    from mslint.server.linting import BufferLinter

    path = FIXTURES / "posenet_train_py2.py"
    linter = BufferLinter()
    try:
        buffer = linter.lint(path, path.read_text(encoding="utf-8"), {"mindspore-version": "2.10"})
    finally:
        linter.close()
    checked = lint([str(path)], LintSettings(mindspore_version="2.10"))
    assert [(f.line, f.column, f.symbol, f.message) for f in buffer] == [(f.line, f.column, f.symbol, f.message) for f in checked]
    assert all(finding.fix is None for finding in buffer)


# Generated breakages: one token deleted or inserted at random (seeded) in each card and example. The broken
# file must give the findings the file has with the broken statement neutralised (`pass` at its indentation),
# outside that statement: the intact file's findings wherever the statement does not bear on them.

INSERTED = ("x", ")", "(", ":", "def", ",", "]", "=", "1", "lambda")
SEED = 27
SIMPLE = (ast.Expr, ast.Assign, ast.AugAssign, ast.AnnAssign, ast.Return, ast.Assert, ast.Raise, ast.Delete)


def _statements(tree: ast.AST) -> list[ast.stmt]:
    return [node for node in ast.walk(tree) if isinstance(node, SIMPLE)]


def _breakage(text: str, rng: random.Random) -> tuple[str, tuple[int, int]] | None:
    """A copy of ``text`` with one token of one simple statement deleted or a token inserted before it, the
    statement's lines, or None when every attempt still parses."""
    tree = ast.parse(text)
    tokens = [t for t in tokenize.generate_tokens(io.StringIO(text).readline) if t.type in (tokenize.NAME, tokenize.OP, tokenize.NUMBER, tokenize.STRING)]
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    for _ in range(50):
        statement = rng.choice(_statements(tree))
        inside = [t for t in tokens if (statement.lineno, statement.col_offset) <= t.start and t.end <= (statement.end_lineno, statement.end_col_offset)]
        token = rng.choice(inside)
        start = starts[token.start[0] - 1] + token.start[1]
        end = starts[token.end[0] - 1] + token.end[1]
        broken = text[:start] + text[end:] if rng.random() < 0.5 else f"{text[:start]}{rng.choice(INSERTED)} {text[start:]}"
        try:
            ast.parse(broken)
        except SyntaxError:
            return broken, (statement.lineno, statement.end_lineno)
    return None


def _neutralised(text: str, span: tuple[int, int]) -> str:
    lines = text.splitlines(keepends=True)
    first, last = span
    indentation = lines[first - 1][: len(lines[first - 1]) - len(lines[first - 1].lstrip())]
    ending = lines[first - 1][len(lines[first - 1].rstrip("\r\n")) :]
    lines[first - 1] = f"{indentation}pass{ending}"
    for index in range(first, last):
        lines[index] = lines[index][len(lines[index].rstrip("\r\n")) :]
    return "".join(lines)


def _samples() -> list[tuple[str, Path, LintSettings]]:
    cards = [(f"{rule.symbol}/{name}", CARDS / rule.symbol / name, card_settings(rule)) for rule in all_rules() for name in ("bad.py", "good.py")]
    examples = [(f"examples/{path.name}", path, LintSettings(profile="migration")) for path in sorted((ROOT / "examples").glob("*.py"))]
    return cards + examples


@pytest.fixture(scope="module")
def breakages(tmp_path_factory):
    """For each card and example: the broken statement's lines and the findings of the broken file and of the
    file with that statement neutralised, each file linted under its card's settings (one run per settings)."""
    folder = tmp_path_factory.mktemp("broken")
    groups: dict[LintSettings, list[str]] = defaultdict(list)
    spans: dict[str, tuple[int, int]] = {}
    for name, path, lint_settings in _samples():
        text = path.read_text(encoding="utf-8")
        broken = _breakage(text, random.Random(f"{SEED}:{name}"))
        if broken is None:
            continue
        spans[name] = broken[1]
        for kind, content in (("broken", broken[0]), ("reference", _neutralised(text, broken[1]))):
            target = folder / kind / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(content, encoding="utf-8")
            groups[lint_settings].append(str(target))
    found: dict[tuple[str, str], set] = defaultdict(set)
    for lint_settings, paths in groups.items():
        for finding in lint(paths, lint_settings):
            kind, name = Path(finding.abspath).relative_to(folder.resolve()).as_posix().split("/", 1)
            found[(kind, name)].add((finding.line, finding.column, finding.symbol, finding.message, finding.fix is None))
    return spans, found


def test_generated_breakages_cover_every_card_and_example(breakages):
    spans, _ = breakages
    assert len(spans) == len(_samples())


@pytest.mark.parametrize("name", [name for name, _, _ in _samples()])
def test_a_broken_file_gives_the_findings_outside_its_broken_statement(breakages, name):
    spans, found = breakages
    first, last = spans[name]
    broken = found[("broken", name)]
    errors = [item for item in broken if item[2] == "syntax-error"]
    assert len(errors) == 1 and first <= errors[0][0] <= last, (errors, spans[name])
    assert all(no_fix for *_, no_fix in broken)
    outside = lambda items: {item[:4] for item in items if not first <= item[0] <= last and item[2] != "syntax-error"}  # noqa: E731
    assert outside(broken) == outside(found[("reference", name)])


def test_a_repaired_file_keeps_every_line_outside_the_statements_it_left_out():
    source = textwrap.dedent(
        """\
        import mindspore.nn as nn

        class Net(nn.Cell):
            def __init__(self):
                super().__init__()
                self.fc = nn.Dense(2, 2) x

            def forward(self, x):
                return self.fc(x)
        """
    )
    repair = repaired(source)
    assert repair is not None and repair.left_out == (6,)
    kept = [line for number, line in enumerate(source.splitlines(), start=1) if number not in repair.left_out]
    assert kept == [line for number, line in enumerate(repair.text.splitlines(), start=1) if number not in repair.left_out]
