"""Lint the probe of every row of mslint/knowledge/data/graph_syntax.json (imported as ``graph_syntax_lint``).

Each row's code (scripts/graph_syntax_rows.py) becomes a module as a user would write it: the probe's imports and
input factories, the row's code, and the calls the probe harness makes (build the Cell, declare dynamic inputs, call
it, run the row's ``between`` statement, call it again). Every module is linted once per level, in one run.
"""

from __future__ import annotations

import re
import sys
import tempfile
import textwrap
from functools import cache
from pathlib import Path

from helpers import ROOT

from mslint.run import LintSettings, lint

sys.path.insert(0, str(ROOT / "scripts"))

from graph_syntax_rows import ROWS, Row  # noqa: E402

LINTED_LEVELS = ("strict", "lax")
HEADER = '''"""Graph-syntax row {id}."""
import functools
import math
import os
import sys

import numpy as np
import mindspore as ms
from mindspore import Parameter, Tensor, jit, nn, ops


def X():
    return Tensor(np.array([1.0, 2.0], np.float32))


def Y():
    return Tensor(np.array([3.0, 4.0], np.float32))


def M():
    return Tensor(np.array([[1.0, 2.0], [3.0, 4.0]], np.float32))


def I():
    return Tensor(np.array([1, 2], np.int32))


def J():
    return Tensor(np.array([3, 4], np.int32))


def B():
    return Tensor(np.array([True, False]))


def S():
    return Tensor(3, ms.int32)


def F():
    return Tensor(2.5, ms.float32)


'''


def source(row: Row) -> str:
    """The module of one row: its code, then the calls the probe makes."""
    target = "FUNCTION" if row.kind == "jit" else "net"
    calls = [] if row.kind == "jit" else ["net = Probe()"]
    if row.dynamic:
        calls.append("net.set_inputs(Tensor(shape=[None], dtype=ms.float32))")
    calls.append(f"{target}({row.args})")
    calls += textwrap.dedent(row.between).strip().splitlines()
    calls.append(f"{target}({row.args})")
    return HEADER.format(id=row.id) + row.case() + "\n\n" + "\n".join(calls) + "\n"


@cache
def findings() -> dict[tuple[str, str], set[str]]:
    """(row id, level) -> the graph rules reported on the row's module at that level."""
    folder = Path(tempfile.mkdtemp(prefix="graph_rows_"))
    paths = {}
    for row in ROWS:
        path = folder / (re.sub(r"\W", "_", row.id) + ".py")
        path.write_text(source(row), encoding="utf-8")
        paths[str(path.resolve())] = row.id
    found: dict[tuple[str, str], set[str]] = {(row.id, level): set() for row in ROWS for level in LINTED_LEVELS}
    for level in LINTED_LEVELS:
        for finding in lint([str(folder)], LintSettings(graph_mode="always", jit_syntax_level=level)):
            if finding.symbol.startswith("ms-graph-"):
                found[(paths[str(Path(finding.abspath).resolve())], level)].add(finding.symbol)
    return found
