"""The Ascend statements of the installed MindSpore, their curated classification, and what CPU can show."""
from __future__ import annotations

import os
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from mslint.knowledge.ascend_constraints import (
    NOT_CHECKABLE,
    REASONS,
    RULE_CLASSES,
    classification_of,
    constraints_by_api,
    load_classifications,
    load_statements,
)
from mslint.knowledge.ops_metadata import load_op_metadata
from mslint.rules.ascend import RULES_BY_SYMBOL
from mslint.rules.ascend.conditions import PREDICATE
from mslint.rules.catalog import all_rules

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "GLOG_v": "3"}
CONDITION_KEYS = {
    "argument", "position", "input", "inputs", "forbid", "allow", "check_default", "negative", "max_length",
    "length", "max_repeated", "multiple_of", "same_as", "present", "depthwise", "last_axis", "depth", "always",
    "unsupported", "only", "when_float", "min_rank", "max_rank",
}
DTYPES = {"bool", "int8", "uint8", "int16", "uint16", "int32", "int64", "float16", "bfloat16", "float32", "float64",
          "complex64", "complex128"}


def test_regenerating_equals_shipped_file() -> None:
    proc = subprocess.run([sys.executable, "scripts/gen_ascend_statements.py", "--check"], cwd=ROOT,
                          capture_output=True, text=True, env=ENV, timeout=300, check=False)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_about_600_places_are_found() -> None:
    statements = load_statements()
    assert len(statements) >= 450
    assert len({s.key for s in statements}) == len(statements)
    apis = {s.api for s in statements}
    assert {"mindspore.nn.Conv2d", "mindspore.ops.MatMul", "mindspore.Tensor.cumsum", "mindspore.mint.matmul",
            "mindspore.set_context"} <= apis


def test_every_statement_is_classified() -> None:
    missing = [s.key for s in load_statements() if classification_of(s) is None]
    assert missing == [], f"classify these in mslint/knowledge/data/ascend_classification.toml: {missing}"


def test_every_classification_names_a_current_statement_with_its_apis() -> None:
    by_hash: dict[str, list] = defaultdict(list)
    for statement in load_statements():
        by_hash[statement.hash].append(statement)
    for key, entry in load_classifications().items():
        found = by_hash.get(entry.hash, [])
        assert found, f"stale classification {key}"
        assert entry.text == found[0].text, key
        if entry.api is None:
            assert sorted(entry.apis) == sorted(s.api for s in found), key
        else:
            assert entry.api in {s.api for s in found}, key


def test_classes_reasons_rules_and_conditions_are_valid() -> None:
    symbols = {rule.symbol for rule in all_rules()}
    table = load_op_metadata()
    for key, entry in load_classifications().items():
        assert entry.klass in (*RULE_CLASSES, NOT_CHECKABLE), key
        if entry.klass == NOT_CHECKABLE:
            assert entry.reason in REASONS and not entry.conditions, key
            assert (entry.reason == "covered") == (entry.rule is not None), key
            assert entry.rule is None or entry.rule in symbols, key
            continue
        assert entry.rule in RULES_BY_SYMBOL and entry.conditions and entry.reason is None, key
        for condition in entry.conditions:
            assert set(condition) <= CONDITION_KEYS, (key, condition)
            assert "forbid" not in condition or PREDICATE.match(condition["forbid"]), (key, condition)
            assert set(condition.get("unsupported", ())) | set(condition.get("only", ())) <= DTYPES, key
            assert (entry.klass == "dtype") == bool({"unsupported", "only"} & set(condition)), key
            assert (entry.klass == "rank") == bool({"min_rank", "max_rank"} & set(condition)), key
        for api in entry.also:
            assert table.get(api) is not None and table.canonical(api) == api, (key, api)
        assert bool(entry.also) == bool(entry.also_reason), key


def test_constraints_cite_their_statement() -> None:
    matmul = constraints_by_api()["mindspore.ops.matmul"]
    assert {c.klass for c in matmul} == {"dtype", "rank"}
    dtype = next(c for c in matmul if c.klass == "dtype")
    assert dtype.citation.startswith('ops.MatMul: "On Ascend, float64 doesn\'t be supported."')
    assert "MatMulExt" in dtype.citation


# What CPU can show: the documented Ascend constraints are device-specific (the CPU kernels accept the
# same code), and the CPU kernels reject what their own dtype lists leave out.

PRELUDE = "import numpy as np, mindspore as ms\nfrom mindspore import Tensor, mint, nn, ops\n"


def run_ms(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PRELUDE + code], capture_output=True, text=True, env=ENV,
                          timeout=180, check=False)


@pytest.mark.parametrize(
    "code",
    [
        # nn.Conv2d: "only group convolution in depthwise convolution scenarios is supported" (Ascend)
        "y = nn.Conv2d(16, 32, 3, group=4)(Tensor(np.ones((1, 16, 8, 8), np.float32)))\nassert y.shape == (1, 32, 8, 8)",
        # ops.MatMul float64 (Ascend): the CPU kernel takes float64 through ops.matmul
        "x = Tensor(np.ones((2, 3), np.float32)).astype(ms.float64)\nassert ops.matmul(x, x.T).dtype == ms.float64",
        # ops.pad: "`circular` mode is not supported on Ascend."
        "assert ops.pad(Tensor(np.ones((1, 2, 3), np.float32)), (1, 1), mode='circular').shape == (1, 2, 5)",
        # ops.sort: "The Ascend backend only supports sorting the last dimension."
        "v, i = ops.sort(Tensor(np.array([[3., 1.], [2., 4.]], np.float32)), axis=0)\nassert v.asnumpy()[0, 1] == 1.",
        # ops.transpose: "Negative value of `dims` is not supported on Ascend."
        "assert ops.transpose(Tensor(np.ones((2, 3), np.float32)), (-1, -2)).shape == (3, 2)",
        # nn.KLDivLoss: "On Ascend, the value of `reduction` must be one of 'batchmean', 'none' or 'sum'."
        "x = Tensor(np.full((2, 2), 0.5, np.float32))\nnn.KLDivLoss()(x, x)",
        # nn.GRU: "When using GRU on Ascend, the hidden size only supports multiples of 16."
        "out, h = nn.GRU(4, 10)(Tensor(np.ones((3, 2, 4), np.float32)))\nassert out.shape == (3, 2, 10)",
    ],
)
def test_ascend_only_constraints_run_on_cpu(code: str) -> None:
    proc = run_ms(code)
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_cpu_rejects_a_dtype_its_list_leaves_out() -> None:
    """ops.xlogy documents float16/float32 on Ascend; on CPU too, an int8 input is rejected."""
    proc = run_ms("x = Tensor(np.ones(3, np.int8))\nops.xlogy(x, x).asnumpy()")
    assert proc.returncode != 0 and "Unsupported data type" in proc.stderr
